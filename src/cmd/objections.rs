//! `promo objections`.

use super::Ctx;
use crate::cli::ObjectionsArgs;
use crate::error::Error;

/// Runs `promo objections`.
pub fn run(_args: &ObjectionsArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo objections` is not built yet".into()))
}
