//! `promo add`.

use super::Ctx;
use crate::cli::AddArgs;
use crate::error::Error;

/// Runs `promo add`.
pub fn run(_args: &AddArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo add` is not built yet".into()))
}
