//! `promo restate`.

use super::Ctx;
use crate::cli::RestateArgs;
use crate::error::Error;

/// Runs `promo restate`.
pub fn run(_args: &RestateArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo restate` is not built yet".into()))
}
