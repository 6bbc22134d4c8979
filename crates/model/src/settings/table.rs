//! What a person chose for the Table: sort, columns, the filter boxes as typed, the
//! last good condition of a box that does not parse, and the selector's chips.

use crate::sorted::SortedMap;

use crate::table::{
    read_query, Column, KeptConditions, QueryErrors, QueryInput, SortDirection, TableQuery,
    TableSelect,
};

/// The Table view's choices. Filter texts are kept as typed; parsing them is derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    /// The sort column and direction, if any (default: family, then size ladder).
    pub sort: Option<(Column, SortDirection)>,
    /// The columns shown, in order.
    pub columns: Vec<Column>,
    /// Numeric filter expressions as typed, per column (`>=8`, `16..64`).
    pub filters: SortedMap<Column, String>,
    /// The name search as typed (a substring, or `/regex/`).
    pub search: String,
    /// For each box whose text does not parse, the last text it held that did: the table
    /// keeps narrowing by it while a person is mid-edit. Only such boxes have an entry.
    pub kept: KeptConditions,
    /// The selector's chips: vendor, architecture, storage kind, letters, generation.
    pub select: TableSelect,
}

impl Default for TableSpec {
    fn default() -> Self {
        TableSpec {
            sort: None,
            columns: Column::DEFAULT.to_vec(),
            filters: SortedMap::new(),
            search: String::new(),
            kept: KeptConditions::new(),
            select: TableSelect::default(),
        }
    }
}

impl TableSpec {
    /// A box's text as typed (empty when it holds none).
    pub fn text(&self, input: QueryInput) -> &str {
        match input {
            QueryInput::Search => &self.search,
            QueryInput::Column(column) => self.filters.get(&column).map_or("", String::as_str),
        }
    }

    /// Sets a box's text, keeping its last good condition when the new text does not parse.
    pub(crate) fn set_text(&mut self, input: QueryInput, text: String) {
        let before = self.text(input);
        let good = if input.parses(before) {
            input.narrows(before).then(|| before.to_owned())
        } else {
            self.kept.get(&input).cloned()
        };
        match input {
            QueryInput::Search => self.search = text.clone(),
            QueryInput::Column(column) if text.trim().is_empty() => {
                self.filters.remove(&column);
            }
            QueryInput::Column(column) => {
                self.filters.insert(column, text.clone());
            }
        }
        match good {
            Some(good) if !input.parses(&text) && self.has_box(input) => {
                self.kept.insert(input, good);
            }
            _ => {
                self.kept.remove(&input);
            }
        }
    }

    /// Whether the box is on screen (the search always is; a column filter while its
    /// column is shown).
    fn has_box(&self, input: QueryInput) -> bool {
        match input {
            QueryInput::Search => true,
            QueryInput::Column(column) => self.columns.contains(&column),
        }
    }

    /// Drops kept conditions that are not reachable by typing: for a box whose text
    /// parses, for a hidden or missing column, or that do not narrow themselves. Returns
    /// the boxes dropped.
    pub fn drop_unreachable_kept(&mut self) -> Vec<QueryInput> {
        let dropped: Vec<QueryInput> = self
            .kept
            .iter()
            .filter(|(input, good)| {
                let column_ok = match input {
                    QueryInput::Search => true,
                    QueryInput::Column(c) => self.has_box(**input) && self.filters.contains_key(c),
                };
                !column_ok || input.parses(self.text(**input)) || !input.narrows(good)
            })
            .map(|(input, _)| *input)
            .collect();
        for input in &dropped {
            self.kept.remove(input);
        }
        dropped
    }

    /// What the Table narrows by (every box read, kept conditions for the bad ones) and
    /// the boxes that do not parse.
    pub fn query(&self) -> (TableQuery, QueryErrors) {
        let (mut query, errors) =
            read_query(&self.search, &self.filters, &self.kept, &self.columns);
        query.select = self.select.clone();
        (query, errors)
    }
}
