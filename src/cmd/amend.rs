//! `promo amend ID`: what came after a moment was logged (its impact, a quote, a
//! witness, its reach, a commitment) added to that moment only. Values are
//! replaced or list items appended in place, found with the outline; every byte
//! outside the moment stays. Lock, re-check, backup, atomic write, as for any
//! rewrite.

use super::Ctx;
use super::add::{parse_quotes_and_commitments, reach};
use crate::cli::AmendArgs;
use crate::error::Error;
use crate::log::Quote;
use crate::log::append::{ron_commitment, ron_string};
use crate::log::edit::{Change, Edit, Splice, moment_count};
use crate::log::outline;
use crate::log::ron::splice::{block_before, closing, has_comma_after, line_indent};
use crate::suggest::did_you_mean;

/// Runs `promo amend`.
pub fn run(args: &AmendArgs, ctx: &mut Ctx) -> Result<u8, Error> {
    let (quotes, commitments) = parse_quotes_and_commitments(&args.backing)?;
    if args.impact.is_none()
        && args.reach.is_none()
        && args.backing.witnesses.is_empty()
        && quotes.is_empty()
        && commitments.is_empty()
    {
        return Err(Error::Usage(
            "nothing to amend: give --impact, --reach, --witness, --quote or --commitment".into(),
        ));
    }
    let path = ctx.log()?.to_path_buf();
    let edit = Edit::open(&path)?;
    let (log, source) = edit.check(ctx.today)?;
    let text = source.text();
    let rewrite = |reason: String| Error::Rewrite {
        path: path.clone(),
        reason,
    };
    let root = outline::parse(text)
        .map_err(|e| rewrite(format!("cannot follow the log at byte {}", e.at)))?;
    let moments = root.field("moments").map_or(&[][..], |f| f.value.items());
    let id = args.id.trim();
    let Some(moment) = moments
        .iter()
        .find(|m| m.field("id").and_then(|f| f.value.as_str()) == Some(id))
    else {
        let ids = moments
            .iter()
            .filter_map(|m| m.field("id").and_then(|f| f.value.as_str()));
        let hint = did_you_mean(id, ids)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(Error::Usage(format!("the log has no moment `{id}`{hint}")));
    };
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let field_indent = moment
        .fields()
        .first()
        .map_or("", |f| line_indent(text, f.name_span.start))
        .to_string();
    let unit = "    ";
    let mut splices = Vec::new();
    // New fields, at the end of the moment.
    let mut new_fields: Vec<String> = Vec::new();
    let mut said = Vec::new();

    let mut set = |name: &str, value: String, new_fields: &mut Vec<String>| match moment.field(name)
    {
        Some(field) => splices.push(Splice::replace(field.value.span.clone(), value)),
        None => new_fields.push(format!("{field_indent}{name}: {value},")),
    };
    if let Some(impact) = &args.impact {
        set("impact", ron_string(impact), &mut new_fields);
        said.push("impact");
    }
    if let Some(arg) = args.reach {
        set("reach", format!("{:?}", reach(arg)), &mut new_fields);
        said.push("reach");
    }
    let lists: [(&str, Vec<String>); 3] = [
        (
            "witnesses",
            args.backing
                .witnesses
                .iter()
                .map(|w| ron_string(w))
                .collect(),
        ),
        ("quotes", quotes.iter().map(quote).collect()),
        (
            "commitments",
            commitments.iter().map(ron_commitment).collect(),
        ),
    ];
    for (name, items) in lists {
        if items.is_empty() {
            continue;
        }
        said.push(name);
        let item_indent = format!("{field_indent}{unit}");
        match moment.field(name) {
            Some(field) => {
                let list = &field.value;
                if let Some(last) = list.items().last()
                    && !has_comma_after(text, last.span.end)
                {
                    splices.push(Splice::insert(last.span.end, ","));
                }
                let close = closing(text, list)
                    .map_err(|_| rewrite(format!("cannot find the end of `{name}`")))?;
                let lines: Vec<String> =
                    items.iter().map(|i| format!("{item_indent}{i},")).collect();
                let close_indent = line_indent(text, field.name_span.start);
                let (at, block) = block_before(text, close, &lines, close_indent, nl);
                splices.push(Splice::insert(at, block));
            }
            None => {
                let mut block = format!("{field_indent}{name}: [");
                for item in &items {
                    block.push_str(&format!("{nl}{item_indent}{item},"));
                }
                block.push_str(&format!("{nl}{field_indent}],"));
                new_fields.push(block);
            }
        }
    }
    if !new_fields.is_empty() {
        if let Some(last) = moment.fields().last()
            && !has_comma_after(text, last.value.span.end)
        {
            splices.push(Splice::insert(last.value.span.end, ","));
        }
        let close =
            closing(text, moment).map_err(|_| rewrite("cannot find the moment's end".into()))?;
        let close_indent = line_indent(text, moment.span.start);
        let (at, block) = block_before(text, close, &new_fields, close_indent, nl);
        splices.push(Splice::insert(at, block));
    }
    splices.sort_by_key(|s| s.range.start);
    let change = Change::splice(&source, splices);
    change
        .recheck(&path, ctx.today, moment_count(&log))
        .map_err(|refused| rewrite(format!("the amended log did not check: {refused:?}")))?;
    let backup = edit.commit_with_backup(&change)?;
    ctx.print(&format!("{id}: amended {}\n", said.join(", ")))?;
    ctx.note(&format!(
        "the previous version is kept in `{}`",
        backup.display()
    ));
    Ok(0)
}

fn quote(q: &Quote) -> String {
    format!(
        "Quote(by: {}, role: {:?}, text: {})",
        ron_string(&q.by),
        q.role,
        ron_string(&q.text)
    )
}
