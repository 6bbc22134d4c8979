//! The Table's filter boxes as typed, read into a [`TableQuery`] that keeps, for each box,
//! the last condition that parsed: a half-typed or mistyped box narrows as it did before.

use std::collections::BTreeMap;

use crate::query::{parse_name_query, parse_number_query, NameQuery, NumberQuery, QueryError};

use super::{Column, TableQuery};

/// One of the Table's filter boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryInput {
    /// The name search.
    Search,
    /// A numeric column's filter.
    Column(Column),
}

/// The boxes whose text does not parse, with why; the table still uses their last good
/// condition (or none, when the box never held a good one).
pub type QueryErrors = BTreeMap<QueryInput, QueryError>;

/// The last condition each box held that parsed. Lives as long as the Table view.
#[derive(Debug, Clone, Default)]
pub struct TypedQuery {
    search: Option<NameQuery>,
    filters: BTreeMap<Column, NumberQuery>,
}

impl TypedQuery {
    /// Reads the boxes: the name `search` and the `filters` of the numeric columns among
    /// `shown` (a hidden column's filter does not narrow, as nobody can see it).
    ///
    /// A box that parses replaces its remembered condition (an empty box clears it); a box
    /// that does not parse keeps it and is reported in the errors. The returned query has
    /// the column filters in [`Column::ALL`] order.
    pub fn read(
        &mut self,
        search: &str,
        filters: &BTreeMap<Column, String>,
        shown: &[Column],
    ) -> (TableQuery, QueryErrors) {
        let mut errors = QueryErrors::new();
        match parse_name_query(search) {
            Ok(query) => self.search = query,
            Err(error) => {
                errors.insert(QueryInput::Search, error);
            }
        }
        self.filters
            .retain(|column, _| shown.contains(column) && filters.contains_key(column));
        for (&column, text) in filters {
            if !column.is_numeric() || !shown.contains(&column) {
                continue;
            }
            match parse_number_query(text) {
                Ok(Some(query)) => {
                    self.filters.insert(column, query);
                }
                Ok(None) => {
                    self.filters.remove(&column);
                }
                Err(error) => {
                    errors.insert(QueryInput::Column(column), error);
                }
            }
        }
        let query = TableQuery {
            search: self.search.clone(),
            filters: self.filters.iter().map(|(c, q)| (*c, *q)).collect(),
        };
        (query, errors)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn filters(pairs: &[(Column, &str)]) -> BTreeMap<Column, String> {
        pairs.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    const SHOWN: &[Column] = &[Column::Name, Column::Vcpu, Column::Memory];

    #[test]
    fn a_bad_box_keeps_its_last_good_condition_and_says_why() {
        let mut typed = TypedQuery::default();
        let (q, errors) = typed.read("m5", &filters(&[(Column::Vcpu, ">=96")]), SHOWN);
        assert!(errors.is_empty());
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::AtLeast(96.0))]);

        let (q, errors) = typed.read("m5", &filters(&[(Column::Vcpu, ">=abc")]), SHOWN);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::AtLeast(96.0))]);
        let Some(error) = errors.get(&QueryInput::Column(Column::Vcpu)) else {
            panic!("the vCPU box reports its error");
        };
        assert_eq!(
            error.to_string(),
            "expected a number after '>=', found 'a' (at character 3)"
        );
        assert!(q.search.as_ref().is_some_and(|s| s.matches("m5.large")));

        let (q, errors) = typed.read("/(/", &filters(&[(Column::Vcpu, "<2")]), SHOWN);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::Less(2.0))]);
        assert!(errors.contains_key(&QueryInput::Search));
        assert!(!errors.contains_key(&QueryInput::Column(Column::Vcpu)));
        let Some(search) = q.search else {
            panic!("the last good search is kept");
        };
        assert!(search.matches("m5.large") && !search.matches("c5.large"));
    }

    #[test]
    fn a_box_that_never_parsed_filters_nothing() {
        let mut typed = TypedQuery::default();
        let (q, errors) = typed.read("/[/", &filters(&[(Column::Memory, "lots")]), SHOWN);
        assert!(q.search.is_none() && q.filters.is_empty());
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn emptied_hidden_and_text_columns_stop_filtering() {
        let mut typed = TypedQuery::default();
        let both = filters(&[(Column::Vcpu, "4"), (Column::Memory, "16..64")]);
        let (q, _) = typed.read("", &both, SHOWN);
        assert_eq!(q.filters.len(), 2);
        assert_eq!(q.filters[0].0, Column::Vcpu, "in column order");

        let (q, _) = typed.read("", &filters(&[(Column::Memory, "16..64")]), SHOWN);
        assert_eq!(
            q.filters,
            [(Column::Memory, NumberQuery::Between(16.0, 64.0))]
        );

        let (q, _) = typed.read("", &both, &[Column::Name, Column::Vcpu]);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::Equal(4.0))]);

        // A column shown again with a bad text does not bring back a forgotten condition.
        let bad = filters(&[(Column::Vcpu, "4"), (Column::Memory, "16..")]);
        let (q, errors) = typed.read("", &bad, SHOWN);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::Equal(4.0))]);
        assert_eq!(errors.len(), 1);

        let text = filters(&[(Column::Name, ">=1")]);
        let (q, errors) = typed.read("", &text, SHOWN);
        assert!(q.filters.is_empty() && errors.is_empty());
    }
}
