//! `promo share -o FILE`: the log the owner hands their manager — every private
//! moment left out, with every project only they used (their commitments, quotes and
//! witnesses go with them), and every public byte kept (see [`crate::log::share`]).
//! The result is read back as a log before it is written, and must hold exactly the
//! original's public moments and no private one.

use super::Ctx;
use crate::cli::ShareArgs;
use crate::error::Error;
use crate::log::{load, share};

/// Runs `promo share`.
pub fn run(args: &ShareArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let path = ctx.log()?.to_path_buf();
    // Refused before anything is read, so the person learns about `-o` first.
    crate::store::guard_output(&args.output, &ctx.logs)?;
    let (log, source) = load::load(&path, ctx.today)?;
    let left_as_is = |reason: String| Error::Rewrite {
        path: path.clone(),
        reason,
    };
    let cut = share::without_private(source.text()).map_err(|e| left_as_is(e.to_string()))?;
    let mut bytes = Vec::with_capacity(cut.text.len() + 3);
    if source.has_bom() {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(cut.text.as_bytes());
    let (shared, _) =
        load::load_bytes(args.output.clone(), bytes.clone(), ctx.today).map_err(|e| {
            let count = match &e {
                crate::log::LogError::Invalid { errors, .. } => errors.len(),
                _ => 0,
            };
            left_as_is(format!(
                "the shared copy would not read back as a log ({count} problem{})",
                if count == 1 { "" } else { "s" }
            ))
        })?;
    if !shared.private.is_empty() || cut.moments != log.private.len() {
        return Err(left_as_is(
            "a private moment could not be told apart in the text".into(),
        ));
    }
    if shared.moments != log.moments {
        let id = shared
            .moments
            .iter()
            .zip(&log.moments)
            .find(|(a, b)| a != b)
            .map_or_else(|| "?".to_string(), |(_, b)| b.id.clone());
        return Err(Error::ShareRenumbers { path, id });
    }
    crate::store::write_output(&args.output, &ctx.logs, &bytes)?;
    ctx.note(&format!(
        "wrote {}: {} public moment{}, with every private moment and {} project{} only they used left out",
        args.output.display(),
        shared.moments.len(),
        if shared.moments.len() == 1 { "" } else { "s" },
        cut.projects,
        if cut.projects == 1 { "" } else { "s" },
    ));
    Ok(0)
}
