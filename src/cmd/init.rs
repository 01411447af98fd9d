//! `promo init`.

use super::Ctx;
use crate::cli::InitArgs;
use crate::error::Error;

/// Runs `promo init`.
pub fn run(_args: &InitArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo init` is not built yet".into()))
}
