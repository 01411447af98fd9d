//! `promo packet`.

use super::Ctx;
use crate::cli::PacketArgs;
use crate::error::Error;

/// Runs `promo packet`.
pub fn run(_args: &PacketArgs, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo packet` is not built yet".into()))
}
