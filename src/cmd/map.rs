//! `promo map`.

use super::Ctx;
use crate::cli::MapArgs;
use crate::error::Error;

/// Runs `promo map`.
pub fn run(_args: &MapArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo map` is not built yet".into()))
}
