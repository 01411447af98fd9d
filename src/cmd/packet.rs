//! `promo packet`: the one-page promotion packet, in Markdown, HTML, PDF or as its
//! JSON context.

use std::path::Path;

use super::Ctx;
use crate::cli::{PacketArgs, PacketFormat};
use crate::error::Error;
use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::log::load;
use crate::packet::Packet;
use crate::render::{self, Format, pdf::Paper, templates::Templates};

/// Builds and writes the packet.
pub fn run(args: &PacketArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let format = format_of(args);
    if format.is_binary() && args.output.is_none() && ctx.stdout_is_terminal {
        return Err(Error::Usage(
            "refusing to write a PDF to the terminal: use `-o packet.pdf` or redirect the output"
                .into(),
        ));
    }
    let (log, _source) = load::load(ctx.log()?, ctx.today)?;
    let ladder = Ladder::for_log(ctx.ladder.as_deref(), &log)?;
    let evidence = Evidence::rank(&log, ctx.today);
    let objections = crate::objections::find(&log, &evidence, &ladder, ctx.today)?;
    let headline = crate::restate::headline(&log, &evidence, &ladder);
    let mut packet = Packet::build(&log, &evidence, &objections, headline, ctx.today);
    packet.competencies = crate::report::competencies::shared(
        &crate::report::competencies::cited_matrix(&log, &ladder)?,
    );
    let paper = ctx.paper;
    packet.fit_print(paper == Paper::A4);
    let templates = Templates::load(ctx.templates.as_deref())?;
    if format == Format::Pdf
        && let Some(font) = &ctx.font
    {
        render::pdf::set_font_file(font).map_err(|e| Error::Pdf(e.to_string()))?;
    }
    let rendered = render::renderer(format, &templates, paper).render(&packet)?;
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
    ctx.emit(args.output.as_deref(), &rendered.bytes)?;
    if let Some(path) = &args.output {
        ctx.note(&format!("wrote {}", path.display()));
    }
    Ok(0)
}

/// `--format`, else `--context`, else the output file's extension, else Markdown.
fn format_of(args: &PacketArgs) -> Format {
    if args.context {
        return Format::Json;
    }
    match args.format {
        Some(PacketFormat::Md) => Format::Markdown,
        Some(PacketFormat::Html) => Format::Html,
        Some(PacketFormat::Pdf) => Format::Pdf,
        Some(PacketFormat::Json) => Format::Json,
        None => match args
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
