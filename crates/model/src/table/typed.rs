//! The Table's filter boxes as typed, read into a [`TableQuery`] that keeps, for each box,
//! the last condition that parsed: a half-typed or mistyped box narrows as it did before.

use std::collections::BTreeMap;

use crate::query::{
    parse_column_query, parse_name_query, parse_text_query, ColumnQuery, QueryError, TextQuery,
};

use super::{Column, TableQuery};

/// One of the Table's filter boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryInput {
    /// The name search.
    Search,
    /// A column's filter (numeric or text).
    Column(Column),
}

/// The boxes whose text does not parse, with why; the table still uses their last good
/// condition (or none, when the box never held a good one).
pub type QueryErrors = BTreeMap<QueryInput, QueryError>;

/// The last condition each box held that parsed. Lives as long as the Table view.
#[derive(Debug, Clone, Default)]
pub struct TypedQuery {
    search: Option<TextQuery>,
    filters: BTreeMap<Column, ColumnQuery>,
    texts: BTreeMap<Column, TextQuery>,
}

impl TypedQuery {
    /// Reads the boxes: the name `search` and the `filters` of the columns among `shown`
    /// (a hidden column's filter does not narrow, as nobody can see it): numeric columns
    /// read conditions in their unit (`>=1TiB`, `8|16`), text columns searches (`intel|amd`).
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
        let keep = |column: &Column| shown.contains(column) && filters.contains_key(column);
        self.filters.retain(|column, _| keep(column));
        self.texts.retain(|column, _| keep(column));
        for (&column, text) in filters {
            if !shown.contains(&column) {
                continue;
            }
            let read = match column.unit() {
                Some(unit) => parse_column_query(text, unit, column.label())
                    .map(|q| remember(&mut self.filters, column, q)),
                None => parse_text_query(text, column.label())
                    .map(|q| remember(&mut self.texts, column, q)),
            };
            if let Err(error) = read {
                errors.insert(QueryInput::Column(column), error);
            }
        }
        let query = TableQuery {
            search: self.search.clone(),
            filters: self.filters.iter().map(|(c, q)| (*c, q.clone())).collect(),
            texts: self.texts.iter().map(|(c, q)| (*c, q.clone())).collect(),
        };
        (query, errors)
    }
}

/// Keeps a parsed condition for `column`, or forgets it when the box is empty.
fn remember<Q>(conditions: &mut BTreeMap<Column, Q>, column: Column, query: Option<Q>) {
    match query {
        Some(query) => {
            conditions.insert(column, query);
        }
        None => {
            conditions.remove(&column);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::query::NumberQuery;

    fn filters(pairs: &[(Column, &str)]) -> BTreeMap<Column, String> {
        pairs.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    const SHOWN: &[Column] = &[Column::Name, Column::Vcpu, Column::Memory];

    #[test]
    fn a_bad_box_keeps_its_last_good_condition_and_says_why() {
        let mut typed = TypedQuery::default();
        let (q, errors) = typed.read("m5", &filters(&[(Column::Vcpu, ">=96")]), SHOWN);
        assert!(errors.is_empty());
        assert_eq!(
            q.filters,
            [(
                Column::Vcpu,
                ColumnQuery::single(NumberQuery::AtLeast(96.0))
            )]
        );

        let (q, errors) = typed.read("m5", &filters(&[(Column::Vcpu, ">=abc")]), SHOWN);
        assert_eq!(
            q.filters,
            [(
                Column::Vcpu,
                ColumnQuery::single(NumberQuery::AtLeast(96.0))
            )]
        );
        let Some(error) = errors.get(&QueryInput::Column(Column::Vcpu)) else {
            panic!("the vCPU box reports its error");
        };
        assert_eq!(
            error.to_string(),
            "expected a number after '>=', found 'a' (at character 3)"
        );
        assert!(q.search.as_ref().is_some_and(|s| s.matches("m5.large")));

        let (q, errors) = typed.read("/(/", &filters(&[(Column::Vcpu, "<2")]), SHOWN);
        assert_eq!(
            q.filters,
            [(Column::Vcpu, ColumnQuery::single(NumberQuery::Less(2.0)))]
        );
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
            [(
                Column::Memory,
                ColumnQuery::single(NumberQuery::Between(16.0, 64.0))
            )]
        );

        let (q, _) = typed.read("", &both, &[Column::Name, Column::Vcpu]);
        assert_eq!(
            q.filters,
            [(Column::Vcpu, ColumnQuery::single(NumberQuery::Equal(4.0)))]
        );

        // A column shown again with a bad text does not bring back a forgotten condition.
        let bad = filters(&[(Column::Vcpu, "4"), (Column::Memory, "16..")]);
        let (q, errors) = typed.read("", &bad, SHOWN);
        assert_eq!(
            q.filters,
            [(Column::Vcpu, ColumnQuery::single(NumberQuery::Equal(4.0)))]
        );
        assert_eq!(errors.len(), 1);

        // A text column searches its cells instead.
        let text = filters(&[(Column::Name, "m5|c5 !metal")]);
        let (q, errors) = typed.read("", &text, SHOWN);
        assert!(q.filters.is_empty() && errors.is_empty());
        let Some((Column::Name, names)) = q.texts.first() else {
            panic!("the name column searches: {:?}", q.texts);
        };
        assert!(names.matches("m5.large") && names.matches("c5.large"));
        assert!(!names.matches("m5.metal") && !names.matches("r5.large"));
    }

    #[test]
    fn units_alternatives_and_several_conditions_read_per_column() {
        let mut typed = TypedQuery::default();
        let boxes = filters(&[(Column::Memory, ">=1TiB"), (Column::Vcpu, ">=8 <=64 !=32")]);
        let (q, errors) = typed.read("", &boxes, SHOWN);
        assert!(errors.is_empty(), "{errors:?}");
        let memory = &q.filters[1].1;
        assert!(memory.matches(1024.0) && !memory.matches(768.0));
        let vcpu = &q.filters[0].1;
        assert!(
            vcpu.matches(8.0) && vcpu.matches(64.0) && !vcpu.matches(32.0) && !vcpu.matches(96.0)
        );
        let (_, errors) = typed.read("", &filters(&[(Column::Vcpu, ">=8GiB")]), SHOWN);
        let Some(error) = errors.get(&QueryInput::Column(Column::Vcpu)) else {
            panic!("a unit in the vCPU box is refused");
        };
        assert_eq!(
            error.to_string(),
            "vCPU takes plain numbers, not 'GiB' (at character 4)"
        );
    }
}
