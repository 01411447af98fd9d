//! Which values of a RON text the outline reader builds in full, and which it only skims.

use std::collections::BTreeMap;

/// Which values to read in full, as paths from the top value: a struct's fields by
/// name, a list's or a tuple's items and a map's entries by index.
///
/// Building every value of a 100,000-moment log costs more than ron's own parse, and
/// locating a few thousand problems needs a few thousand paths; with a selection the
/// reader still checks every byte but builds only what lies on a path. A value off
/// every path keeps its span and stands as an empty [`NodeKind::Scalar`](super::NodeKind::Scalar).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    fields: Vec<(String, Selection)>,
    items: BTreeMap<usize, Selection>,
    every_item: Option<Box<Selection>>,
    entries: BTreeMap<usize, Selection>,
}

impl Selection {
    /// Selects the struct field `name` of this value, and returns its selection.
    pub fn field(&mut self, name: &str) -> &mut Selection {
        let index = match self.fields.iter().position(|(n, _)| n == name) {
            Some(index) => index,
            None => {
                self.fields.push((name.to_string(), Selection::default()));
                self.fields.len() - 1
            }
        };
        &mut self.fields[index].1
    }

    /// Selects item `index` of this list or tuple, and returns its selection.
    pub fn item(&mut self, index: usize) -> &mut Selection {
        self.items.entry(index).or_default()
    }

    /// Selects every item of this list or tuple, and returns their selection (an item
    /// also selected by index is built as that selection says instead).
    pub fn every_item(&mut self) -> &mut Selection {
        self.every_item.get_or_insert_with(Box::default)
    }

    /// Selects entry `index` of this map (its key and its value), and returns its selection.
    pub fn entry(&mut self, index: usize) -> &mut Selection {
        self.entries.entry(index).or_default()
    }
}

/// How much of a value the reader builds.
#[derive(Clone, Copy)]
pub(super) enum Build<'s> {
    /// The value and everything inside it.
    All,
    /// The value, and inside it only what the selection names.
    Selected(&'s Selection),
    /// Only its span.
    Skim,
}

impl<'s> Build<'s> {
    pub(super) fn keeps(self) -> bool {
        !matches!(self, Build::Skim)
    }

    pub(super) fn field(self, name: &str) -> Self {
        match self {
            Build::Selected(selection) => selection
                .fields
                .iter()
                .find(|(n, _)| n == name)
                .map_or(Build::Skim, |(_, inner)| Build::Selected(inner)),
            other => other,
        }
    }

    pub(super) fn item(self, index: usize) -> Self {
        match self {
            Build::Selected(selection) => selection
                .items
                .get(&index)
                .or(selection.every_item.as_deref())
                .map_or(Build::Skim, Build::Selected),
            other => other,
        }
    }

    pub(super) fn entry(self, index: usize) -> Self {
        match self {
            Build::Selected(selection) => selection
                .entries
                .get(&index)
                .map_or(Build::Skim, Build::Selected),
            other => other,
        }
    }
}
