//! The Table's filter boxes as typed, read into a [`TableQuery`]. A box whose text does
//! not parse narrows by its last good condition, which the state keeps as text
//! ([`KeptConditions`]) so that the address carries it too: no memory outside the state.

use crate::sorted::SortedMap;

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

/// What one box reads as: nothing (empty), a numeric condition or a text search.
enum BoxQuery {
    Number(ColumnQuery),
    Text(TextQuery),
}

impl QueryInput {
    /// Reads `text` as this box's condition: `Ok(None)` for an empty box.
    fn read(self, text: &str) -> Result<Option<BoxQuery>, QueryError> {
        Ok(match self {
            QueryInput::Search => parse_name_query(text)?.map(BoxQuery::Text),
            QueryInput::Column(column) => match column.unit() {
                Some(unit) => parse_column_query(text, unit, column.label())?.map(BoxQuery::Number),
                None => parse_text_query(text, column.label())?.map(BoxQuery::Text),
            },
        })
    }

    /// Whether `text` is a valid condition for this box (an empty text is: it clears it).
    pub fn parses(self, text: &str) -> bool {
        self.read(text).is_ok()
    }

    /// Whether `text` is a condition that narrows (valid and not empty).
    pub fn narrows(self, text: &str) -> bool {
        matches!(self.read(text), Ok(Some(_)))
    }
}

/// The boxes whose text does not parse, with why; the table still uses their last good
/// condition (or none, when the box never held a good one).
pub type QueryErrors = SortedMap<QueryInput, QueryError>;

/// For each box whose text does not parse, the last text it held that did (and narrowed).
pub type KeptConditions = SortedMap<QueryInput, String>;

/// Reads the boxes: the name `search` and the `filters` of the columns among `shown` (a
/// hidden column's filter does not narrow, as nobody can see it): numeric columns read
/// conditions in their unit (`>=1TiB`, `8|16`, `>=8 <=64`), text columns searches
/// (`intel|amd`, `!/metal/`). A box that does not parse narrows by its `kept` condition,
/// if any, and is reported in the errors. The returned query has the column filters in
/// [`Column::ALL`] order.
pub fn read_query(
    search: &str,
    filters: &SortedMap<Column, String>,
    kept: &KeptConditions,
    shown: &[Column],
) -> (TableQuery, QueryErrors) {
    let mut errors = QueryErrors::new();
    let mut read = |input: QueryInput, text: &str| match input.read(text) {
        Ok(query) => query,
        Err(error) => {
            errors.insert(input, error);
            kept.get(&input)
                .and_then(|good| input.read(good).ok().flatten())
        }
    };
    let search = match read(QueryInput::Search, search) {
        Some(BoxQuery::Text(query)) => Some(query),
        _ => None,
    };
    let mut query = TableQuery {
        search,
        ..TableQuery::default()
    };
    for (&column, text) in filters {
        if !shown.contains(&column) {
            continue;
        }
        match read(QueryInput::Column(column), text) {
            Some(BoxQuery::Number(q)) => query.filters.push((column, q)),
            Some(BoxQuery::Text(q)) => query.texts.push((column, q)),
            None => {}
        }
    }
    (query, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::NumberQuery;

    fn filters(pairs: &[(Column, &str)]) -> SortedMap<Column, String> {
        pairs.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    const SHOWN: &[Column] = &[Column::Name, Column::Vcpu, Column::Memory];

    #[test]
    fn a_bad_box_narrows_by_its_kept_condition_and_says_why() {
        let kept: KeptConditions = [(QueryInput::Column(Column::Vcpu), ">=96".to_owned())].into();
        let (q, errors) = read_query("m5", &filters(&[(Column::Vcpu, ">=abc")]), &kept, SHOWN);
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

        let kept: KeptConditions = [(QueryInput::Search, "m5".to_owned())].into();
        let (q, errors) = read_query("/(/", &filters(&[(Column::Vcpu, "<2")]), &kept, SHOWN);
        assert_eq!(
            q.filters,
            [(Column::Vcpu, ColumnQuery::single(NumberQuery::Less(2.0)))]
        );
        assert!(errors.contains_key(&QueryInput::Search));
        let Some(search) = q.search else {
            panic!("the kept search narrows");
        };
        assert!(search.matches("m5.large") && !search.matches("c5.large"));
    }

    #[test]
    fn a_box_that_never_parsed_filters_nothing() {
        let none = KeptConditions::new();
        let (q, errors) = read_query("/[/", &filters(&[(Column::Memory, "lots")]), &none, SHOWN);
        assert!(q.search.is_none() && q.filters.is_empty());
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn hidden_columns_do_not_filter_and_text_columns_search() {
        let both = filters(&[(Column::Vcpu, "4"), (Column::Memory, "16..64")]);
        let none = KeptConditions::new();
        let (q, _) = read_query("", &both, &none, SHOWN);
        assert_eq!(q.filters.len(), 2);
        assert_eq!(q.filters[0].0, Column::Vcpu, "in column order");
        let (q, _) = read_query("", &both, &none, &[Column::Name, Column::Vcpu]);
        assert_eq!(
            q.filters,
            [(Column::Vcpu, ColumnQuery::single(NumberQuery::Equal(4.0)))]
        );

        let text = filters(&[(Column::Name, "m5|c5 !metal")]);
        let (q, errors) = read_query("", &text, &none, SHOWN);
        assert!(q.filters.is_empty() && errors.is_empty());
        let Some((Column::Name, names)) = q.texts.first() else {
            panic!("the name column searches: {:?}", q.texts);
        };
        assert!(names.matches("m5.large") && names.matches("c5.large"));
        assert!(!names.matches("m5.metal") && !names.matches("r5.large"));
    }

    #[test]
    fn units_alternatives_and_several_conditions_read_per_column() {
        let none = KeptConditions::new();
        let boxes = filters(&[(Column::Memory, ">=1TiB"), (Column::Vcpu, ">=8 <=64 !=32")]);
        let (q, errors) = read_query("", &boxes, &none, SHOWN);
        assert!(errors.is_empty(), "{errors:?}");
        let memory = &q.filters[1].1;
        assert!(memory.matches(1024.0) && !memory.matches(768.0));
        let vcpu = &q.filters[0].1;
        assert!(
            vcpu.matches(8.0) && vcpu.matches(64.0) && !vcpu.matches(32.0) && !vcpu.matches(96.0)
        );
        let (_, errors) = read_query("", &filters(&[(Column::Vcpu, ">=8GiB")]), &none, SHOWN);
        let Some(error) = errors.get(&QueryInput::Column(Column::Vcpu)) else {
            panic!("a unit in the vCPU box is refused");
        };
        assert_eq!(
            error.to_string(),
            "vCPU takes plain numbers, not 'GiB' (at character 4)"
        );
    }

    #[test]
    fn a_box_knows_what_parses_and_what_narrows() {
        let vcpu = QueryInput::Column(Column::Vcpu);
        assert!(vcpu.parses("") && !vcpu.narrows(""));
        assert!(vcpu.parses(">=96") && vcpu.narrows(">=96"));
        assert!(!vcpu.parses(">=96x"));
        assert!(QueryInput::Column(Column::Memory).narrows(">=1TiB"));
        assert!(QueryInput::Search.narrows("/^m5/") && !QueryInput::Search.parses("/(/"));
    }
}
