//! `promo packet`: the one-page promotion packet, in Markdown, HTML, PDF or as its
//! JSON context.

use std::path::Path;

use super::Ctx;
use crate::cli::{PacketArgs, PacketFormat};
use crate::error::Error;
use crate::render::{Format, pdf::Paper};
use crate::report::{case::Case, packet::Packet};

/// Builds and writes the packet.
pub fn run(args: &PacketArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let format = format_of(args);
    super::refuse_binary_to_terminal(ctx, format, args.out.output.as_deref(), "packet")?;
    let case = Case::open(ctx.log()?, ctx)?;
    let mut packet = Packet::of(&case)?;
    packet.fit_print(ctx.paper == Paper::A4);
    let rendered = super::render_to(ctx, &packet, format)?;
    if packet.map_more > 0 && format != Format::Json {
        ctx.note(&format!(
            "note: {} lower-ranked projects left out of the evidence map to keep one page (it shows the top {}); see them all with `promo map`",
            packet.map_more,
            packet.map.len()
        ));
    }
    for note in &rendered.notes {
        ctx.note(note);
    }
    ctx.emit(args.out.output.as_deref(), &rendered.bytes)?;
    if let Some(path) = &args.out.output {
        ctx.note(&format!("wrote {}", path.display()));
    }
    Ok(0)
}

/// `--format`, else `--context`, else the output file's extension, else Markdown.
fn format_of(args: &PacketArgs) -> Format {
    if args.out.context {
        return Format::Json;
    }
    match args.format {
        Some(PacketFormat::Md) => Format::Markdown,
        Some(PacketFormat::Html) => Format::Html,
        Some(PacketFormat::Pdf) => Format::Pdf,
        Some(PacketFormat::Json) => Format::Json,
        None => match args
            .out
            .output
            .as_deref()
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
        {
            Some(ext) if ext.eq_ignore_ascii_case("pdf") => Format::Pdf,
            Some(ext) if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") => {
                Format::Html
            }
            Some(ext) if ext.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Markdown,
        },
    }
}
