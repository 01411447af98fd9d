//! `promo calibrate DIR|FILE...`: the manager's calibration brief over the shared logs
//! of a team — a cover table in submission order, then one page per report — as text,
//! Markdown, HTML, a PDF (cover plus a page per report) or its JSON context.

use super::Ctx;
use crate::cli::CalibrateArgs;
use crate::error::Error;
use crate::report::calibrate::Calibration;

/// Runs `promo calibrate`.
pub fn run(args: &CalibrateArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let format = super::page_format(args.format, args.out.context);
    super::refuse_binary_to_terminal(ctx, format, args.out.output.as_deref(), "calibration")?;
    let (paths, _) = crate::report::restate::expand(&args.logs)?;
    if let Some(output) = &args.out.output {
        crate::store::guard_output(output, &paths)?;
    }
    let brief = Calibration::build(&paths, ctx)?;
    let rendered = super::render_to(ctx, &brief, format)?;
    match &args.out.output {
        Some(output) => crate::store::write_output(output, &paths, &rendered.bytes)?,
        None => ctx.print_bytes(&rendered.bytes)?,
    }
    match brief.share_first.as_slice() {
        [] => {}
        [owner] => ctx.note(&format!(
            "note: {owner}'s log is their own, not a shared copy: ask {owner} to send you the output of `promo share`"
        )),
        owners => ctx.note(&format!(
            "note: {} logs are their owners' own, not shared copies ({}): ask each to send you the output of `promo share`",
            owners.len(),
            crate::text::clamp(&owners.join(", "), 120)
        )),
    }
    for note in &rendered.notes {
        ctx.note(note);
    }
    Ok(0)
}
