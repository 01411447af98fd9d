//! Posted forms: `application/x-www-form-urlencoded` bodies decoded, then turned into
//! the same arguments the CLI's `add`, `amend`, `done` and `broken` take. A problem is
//! reported next to the field it belongs to, and nothing is written.

use clap::ValueEnum;
use serde::Serialize;

use crate::cli::{AddArgs, AmendArgs, Backing, ReachArg, TagArg};
use crate::error::Error;

/// The largest form body read (64 KiB): a moment is a few hundred bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// A decoded form: its fields in the order sent.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Form {
    fields: Vec<(String, String)>,
}

impl Form {
    /// Decodes a urlencoded body (`a=1&b=x+y`).
    pub fn parse(body: &str) -> Self {
        let fields = body
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(name, true), percent_decode(value, true))
            })
            .collect();
        Self { fields }
    }

    /// The first value of `name`, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The non-blank lines of field `name` (witnesses, quotes, commitments: one a line).
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.get(name)
            .map(|text| {
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The values as sent, by name, to fill the form again after a refusal.
    pub fn values(&self) -> std::collections::BTreeMap<String, String> {
        self.fields.iter().cloned().collect()
    }
}

/// Decodes `%XX` escapes (and `+` as a space in form bodies); a broken escape stays as
/// written, and bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' => {
                let high = bytes.get(i + 1).copied().and_then(hex);
                let low = bytes.get(i + 2).copied().and_then(hex);
                match (high, low) {
                    (Some(hi), Some(lo)) => {
                        out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but letters, digits and `-._~` for a query value.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A problem with one field (or the whole form, `field` empty), shown next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The form field's name, or `""` for the form as a whole.
    pub field: String,
    /// What is wrong, as `check` and the CLI say it.
    pub message: String,
}

impl FieldError {
    fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

fn choice<T: ValueEnum>(form: &Form, field: &str, errors: &mut Vec<FieldError>) -> Option<T> {
    let value = form.get(field)?;
    match T::from_str(value, true) {
        Ok(v) => Some(v),
        Err(_) => {
            let names: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            errors.push(FieldError::new(
                field,
                format!("`{value}` is not one of {}", names.join(", ")),
            ));
            None
        }
    }
}

fn date(form: &Form, errors: &mut Vec<FieldError>) -> Option<chrono::NaiveDate> {
    let text = form.get("date")?;
    match crate::cli::parse_date_arg(text) {
        Ok(d) => Some(d),
        Err(problem) => {
            errors.push(FieldError::new("date", problem));
            None
        }
    }
}

/// The witnesses, quotes and commitments fields, a line each.
fn backing(form: &Form) -> Backing {
    Backing {
        witnesses: form.lines("witnesses"),
        quotes: form.lines("quotes"),
        commitments: form.lines("commitments"),
    }
}

/// The new-moment form as `promo add` arguments, or every problem found.
pub fn add_args(form: &Form) -> Result<AddArgs, Vec<FieldError>> {
    let mut errors = Vec::new();
    for (field, label) in [("what", "what happened"), ("project", "the project")] {
        if form.get(field).is_none() {
            errors.push(FieldError::new(field, format!("{label} is required")));
        }
    }
    let tag = choice::<TagArg>(form, "tag", &mut errors);
    let reach = choice::<ReachArg>(form, "reach", &mut errors);
    if form.get("tag").is_none() {
        errors.push(FieldError::new("tag", "a tag is required"));
    }
    if form.get("reach").is_none() {
        errors.push(FieldError::new("reach", "a reach is required"));
    }
    let date = date(form, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(AddArgs {
        tag,
        what: form.get("what").map(str::to_string),
        project: form.get("project").map(str::to_string),
        reach,
        edit: false,
        date,
        impact: form.get("impact").map(str::to_string),
        backing: backing(form),
        private: form.get("private").is_some(),
        id: None,
    })
}

/// The amend form (for moment `id`) as `promo amend` arguments, or its problems.
pub fn amend_args(id: &str, form: &Form) -> Result<AmendArgs, Vec<FieldError>> {
    let mut errors = Vec::new();
    let reach = choice::<ReachArg>(form, "reach", &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(AmendArgs {
        id: id.to_string(),
        impact: form.get("impact").map(str::to_string),
        reach,
        backing: backing(form),
    })
}

/// Places a refusal from the CLI's code next to the field it is about: the messages
/// name the flag (`--quote '…'`) or the value, as they do in the terminal.
pub fn place(error: &Error) -> FieldError {
    let message = match error.details() {
        Some(details) => format!("{}\n{details}", crate::error_chain(error)),
        None => crate::error_chain(error),
    };
    let field = [
        ("`--quote", "quotes"),
        ("`--commitment", "commitments"),
        ("`--witness", "witnesses"),
        ("project", "project"),
        ("the log has no moment", "id"),
    ]
    .iter()
    .find(|(needle, _)| message.contains(needle))
    .map_or("", |(_, field)| field);
    FieldError::new(field, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_decode_plus_and_percent_escapes() {
        let form = Form::parse("what=Cut+the+%22v2%22+scope&project=&x=%zz%4");
        assert_eq!(form.get("what"), Some("Cut the \"v2\" scope"));
        assert_eq!(form.get("project"), None);
        assert_eq!(form.get("x"), Some("%zz%4"));
        assert_eq!(percent_decode("a%2Bb+c", false), "a+b+c");
    }

    #[test]
    fn a_moment_without_what_or_with_a_bad_reach_names_the_fields() {
        let errors =
            add_args(&Form::parse("tag=decision&project=p&reach=galaxy")).expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["what", "reach"]);
        assert!(
            errors[1]
                .message
                .contains("`galaxy` is not one of team, cross-team, org, company")
        );
        let args = add_args(&Form::parse(
            "tag=Scope&project=p&reach=org&what=w&quotes=peer%3AA%3AB%0D%0A%0D%0Apeer%3AC%3AD&private=on",
        ))
        .expect("accepted");
        assert_eq!(args.backing.quotes, ["peer:A:B", "peer:C:D"]);
        assert!(args.private);
        assert_eq!(args.tag, Some(TagArg::Scope));
    }
}
