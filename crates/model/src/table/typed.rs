//! The Table's filter boxes as typed, read into a [`TableQuery`]. A box whose text does
//! not parse narrows by its last good condition, which the state keeps as text
//! ([`KeptConditions`]) so that the address carries it too: no memory outside the state.

use std::collections::BTreeMap;

use crate::query::{parse_name_query, parse_number_query, QueryError};

use super::{Column, TableQuery};

/// One of the Table's filter boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryInput {
    /// The name search.
    Search,
    /// A numeric column's filter.
    Column(Column),
}

impl QueryInput {
    /// Whether `text` is a valid condition for this box (an empty text is: it clears it).
    pub fn parses(self, text: &str) -> bool {
        match self {
            QueryInput::Search => parse_name_query(text).is_ok(),
            QueryInput::Column(_) => parse_number_query(text).is_ok(),
        }
    }

    /// Whether `text` is a condition that narrows (valid and not empty).
    pub fn narrows(self, text: &str) -> bool {
        match self {
            QueryInput::Search => matches!(parse_name_query(text), Ok(Some(_))),
            QueryInput::Column(_) => matches!(parse_number_query(text), Ok(Some(_))),
        }
    }
}

/// The boxes whose text does not parse, with why; the table still uses their last good
/// condition (or none, when the box never held a good one).
pub type QueryErrors = BTreeMap<QueryInput, QueryError>;

/// For each box whose text does not parse, the last text it held that did (and narrowed).
pub type KeptConditions = BTreeMap<QueryInput, String>;

/// Reads the boxes: the name `search` and the `filters` of the numeric columns among
/// `shown` (a hidden column's filter does not narrow, as nobody can see it). A box that
/// does not parse narrows by its `kept` condition, if any, and is reported in the errors.
/// The returned query has the column filters in [`Column::ALL`] order.
pub fn read_query(
    search: &str,
    filters: &BTreeMap<Column, String>,
    kept: &KeptConditions,
    shown: &[Column],
) -> (TableQuery, QueryErrors) {
    let mut errors = QueryErrors::new();
    let kept_text = |input: QueryInput| kept.get(&input).map(String::as_str).unwrap_or("");
    let search = match parse_name_query(search) {
        Ok(query) => query,
        Err(error) => {
            errors.insert(QueryInput::Search, error);
            parse_name_query(kept_text(QueryInput::Search))
                .ok()
                .flatten()
        }
    };
    let mut conditions = Vec::new();
    for (&column, text) in filters {
        if !column.is_numeric() || !shown.contains(&column) {
            continue;
        }
        let condition = match parse_number_query(text) {
            Ok(query) => query,
            Err(error) => {
                errors.insert(QueryInput::Column(column), error);
                parse_number_query(kept_text(QueryInput::Column(column)))
                    .ok()
                    .flatten()
            }
        };
        conditions.extend(condition.map(|q| (column, q)));
    }
    let query = TableQuery {
        search,
        filters: conditions,
    };
    (query, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::NumberQuery;

    fn filters(pairs: &[(Column, &str)]) -> BTreeMap<Column, String> {
        pairs.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    const SHOWN: &[Column] = &[Column::Name, Column::Vcpu, Column::Memory];

    #[test]
    fn a_bad_box_narrows_by_its_kept_condition_and_says_why() {
        let kept: KeptConditions = [(QueryInput::Column(Column::Vcpu), ">=96".to_owned())].into();
        let (q, errors) = read_query("m5", &filters(&[(Column::Vcpu, ">=abc")]), &kept, SHOWN);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::AtLeast(96.0))]);
        let Some(error) = errors.get(&QueryInput::Column(Column::Vcpu)) else {
            panic!("the vCPU box reports its error");
        };
        assert_eq!(
            error.to_string(),
            "expected a number after '>=', found 'a' (at character 3)"
        );
        assert!(q.search.as_ref().is_some_and(|s| s.matches("m5.large")));

        let kept: KeptConditions = [(QueryInput::Search, "m5".to_owned())].into();
        let (q, errors) = read_query("/(/", &filters(&[(Column::Vcpu, "<2")]), &kept, SHOWN);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::Less(2.0))]);
        assert!(errors.contains_key(&QueryInput::Search));
        let Some(search) = q.search else {
            panic!("the kept search narrows");
        };
        assert!(search.matches("m5.large") && !search.matches("c5.large"));
    }

    #[test]
    fn a_box_with_nothing_kept_filters_nothing() {
        let bad = filters(&[(Column::Memory, "lots")]);
        let (q, errors) = read_query("/[/", &bad, &KeptConditions::new(), SHOWN);
        assert!(q.search.is_none() && q.filters.is_empty());
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn hidden_and_text_columns_do_not_filter() {
        let both = filters(&[(Column::Vcpu, "4"), (Column::Memory, "16..64")]);
        let none = KeptConditions::new();
        let (q, _) = read_query("", &both, &none, SHOWN);
        assert_eq!(q.filters.len(), 2);
        assert_eq!(q.filters[0].0, Column::Vcpu, "in column order");
        let (q, _) = read_query("", &both, &none, &[Column::Name, Column::Vcpu]);
        assert_eq!(q.filters, [(Column::Vcpu, NumberQuery::Equal(4.0))]);
        let text = filters(&[(Column::Name, ">=1")]);
        let (q, errors) = read_query("", &text, &none, SHOWN);
        assert!(q.filters.is_empty() && errors.is_empty());
    }

    #[test]
    fn a_box_knows_what_parses_and_what_narrows() {
        let vcpu = QueryInput::Column(Column::Vcpu);
        assert!(vcpu.parses("") && !vcpu.narrows(""));
        assert!(vcpu.parses(">=96") && vcpu.narrows(">=96"));
        assert!(!vcpu.parses(">=96x"));
        assert!(QueryInput::Search.narrows("/^m5/") && !QueryInput::Search.parses("/(/"));
    }
}
