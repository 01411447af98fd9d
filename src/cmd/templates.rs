//! `promo templates`.

use super::Ctx;
use crate::cli::TemplatesCommand;
use crate::error::Error;

/// Runs `promo templates`.
pub fn run(_args: &TemplatesCommand, _ctx: &mut Ctx) -> Result<u8, Error> {
    Err(Error::Usage("`promo templates` is not built yet".into()))
}
