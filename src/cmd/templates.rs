//! `promo templates export DIR`: the built-in templates, written out for editing.

use super::Ctx;
use crate::cli::TemplatesCommand;
use crate::error::Error;
use crate::render::templates;

/// Runs a `templates` subcommand.
pub fn run(command: &TemplatesCommand, ctx: &mut Ctx) -> Result<u8, Error> {
    match command {
        TemplatesCommand::Export { dir } => {
            let (written, kept) = templates::export(dir)?;
            for path in &written {
                ctx.print(&format!("wrote {}\n", path.display()))?;
            }
            for path in &kept {
                ctx.note(&format!(
                    "kept {} (already there; delete it to get the built-in one)",
                    path.display()
                ));
            }
            ctx.note(&format!(
                "edit them, then pass `--templates {}` to any report command (`promo map`, `promo packet`, `promo agenda`…)",
                dir.display()
            ));
            Ok(0)
        }
    }
}
