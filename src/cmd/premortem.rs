//! `promo premortem`.

use super::Ctx;
use crate::cli::PremortemArgs;
use crate::error::Error;

/// Runs `promo premortem`.
pub fn run(_args: &PremortemArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo premortem` is not built yet".into()))
}
