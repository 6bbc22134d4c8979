//! The state in the URL: a short, readable query string (`?view=families&cat=compute,memory`)
//! and back. Defaults are left out; unknown keys and bad values are ignored and named, so
//! the page can say what it could not use. No input can make [`decode`] panic.

use crate::sorted::SortedSet;

use crate::capabilities::Feature;
use crate::chart::ladder::{size_name, size_step};
use crate::instance::Category;
use crate::name;
use crate::name::Capability;
use crate::prices::Os;
use crate::regions::region_name;
use crate::settings::{CellMetric, ChartAxis, ColourBy, Metric, PairSort, Scale, ZoomChart};
use crate::state::{reduce, Action, State, View, MAX_PINNED, MAX_SIZE_STEPS};
use crate::table::{
    architecture_slug, vendor_slug, Column, QueryInput, SortDirection, StorageChoice,
    ARCHITECTURES, VENDORS,
};

/// Longer queries are cut here before reading (a URL this long was not made by the app).
pub const MAX_QUERY_CHARS: usize = 8192;
/// Longer free-text values (search, filters, decoder input) are cut to this many characters.
pub const MAX_TEXT_CHARS: usize = 200;

/// What a query string says.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The state it describes (defaults where it says nothing usable).
    pub state: State,
    /// Whether it asks for embed mode (`embed=1`).
    pub embed: bool,
    /// What was ignored and why, one entry per key, e.g. "x=banana: not a metric".
    pub ignored: Vec<String>,
}

/// The query string for a state, without the leading `?`; empty for the default state.
pub fn encode(state: &State) -> String {
    let defaults = State::default();
    let mut query = String::new();
    let mut put = |key: &str, value: String| {
        if !query.is_empty() {
            query.push('&');
        }
        escape_into(&mut query, key);
        query.push('=');
        escape_into(&mut query, &value);
    };
    if state.view != defaults.view {
        put("view", state.view.slug().to_owned());
    }
    let filter = &state.filter;
    if !filter.hidden_categories.is_empty() {
        let shown: Vec<&str> = Category::ALL
            .iter()
            .filter(|c| filter.shows_category(**c))
            .map(|c| c.slug())
            .collect();
        put(
            "cat",
            if shown.is_empty() {
                "none".to_owned()
            } else {
                shown.join(",")
            },
        );
    }
    if !filter.hidden_series.is_empty() {
        put("series-off", join(filter.hidden_series.iter()));
    }
    if filter.current_only {
        put("current", "1".to_owned());
    }
    let spec = state.families;
    if spec.x != defaults.families.x {
        put("x", spec.x.slug().to_owned());
    }
    if spec.y != defaults.families.y {
        put("y", spec.y.slug().to_owned());
    }
    if spec.x_scale != defaults.families.x_scale {
        put("xscale", spec.x_scale.slug().to_owned());
    }
    if spec.y_scale != defaults.families.y_scale {
        put("yscale", spec.y_scale.slug().to_owned());
    }
    if spec.colour != defaults.families.colour {
        put("colour", spec.colour.slug().to_owned());
    }
    for (key, end) in [
        ("xmin", spec.x_range.min),
        ("xmax", spec.x_range.max),
        ("ymin", spec.y_range.min),
        ("ymax", spec.y_range.max),
    ] {
        if let Some(value) = end {
            put(key, crate::decimal::shortest(value));
        }
    }
    for &axis in ZoomChart::Ladder
        .axes()
        .iter()
        .chain(ZoomChart::Letters.axes())
    {
        let range = state.range(axis);
        for (end, value) in [("min", range.min), ("max", range.max)] {
            if let Some(value) = value {
                put(
                    &format!("{}-{end}", axis.slug()),
                    range_end_text(axis, value),
                );
            }
        }
    }
    if !state.chart_tables.is_empty() {
        put("tables", join(state.chart_tables.iter().map(|v| v.slug())));
    }
    if state.sizes.metric != defaults.sizes.metric {
        put("cell", cell_slug(state.sizes.metric).to_owned());
    }
    if !state.sizes.ladder_families.is_empty() {
        put("ladder", join(state.sizes.ladder_families.iter()));
    }
    let table = &state.table;
    if let Some((column, direction)) = table.sort {
        let suffix = if direction == SortDirection::Descending {
            "-desc"
        } else {
            ""
        };
        put("sort", format!("{}{suffix}", column.slug()));
    }
    if table.columns != defaults.table.columns {
        put("cols", join(table.columns.iter().map(|c| c.slug())));
    }
    for (column, text) in &table.filters {
        put(&format!("f.{}", column.slug()), text.clone());
    }
    if !table.search.is_empty() {
        put("q", table.search.clone());
    }
    for (input, good) in &table.kept {
        put(&format!("keep.{}", kept_slug(*input)), good.clone());
    }
    let select = &table.select;
    if !select.vendors.is_empty() {
        put(
            "vendor",
            join(select.vendors.iter().map(|v| vendor_slug(*v))),
        );
    }
    if !select.architectures.is_empty() {
        let slugs = select.architectures.iter().map(|a| architecture_slug(*a));
        put("arch", join(slugs));
    }
    if !select.storage.is_empty() {
        put("disk", join(select.storage.iter().map(|s| s.slug())));
    }
    if !select.letters.is_empty() {
        put("caps", join(select.letters.iter().map(|c| c.letter())));
    }
    if !select.generations.is_empty() {
        put("gen", join(select.generations.iter().map(u32::to_string)));
    }
    if !state.decoder.is_empty() {
        put("name", state.decoder.clone());
    }
    if !state.pinned.is_empty() {
        put("pin", join(state.pinned.iter()));
    }
    if state.region != defaults.region {
        put("region", state.region.clone());
    }
    if state.os != defaults.os {
        put("os", state.os.slug().to_owned());
    }
    if filter.offered_only {
        put("offered", "1".to_owned());
    }
    if state.letter != defaults.letter {
        put("letter", state.letter.clone());
    }
    if let Some(feature) = state.filter.feature {
        put("feature", feature.slug().to_owned());
    }
    if state.include_suspect {
        put("suspect", "1".to_owned());
    }
    if state.differences_only {
        put("diff", "1".to_owned());
    }
    let letters = state.letter_table;
    if letters.every_letter {
        put("letters", "all".to_owned());
    }
    if (letters.sort, letters.descending)
        != (defaults.letter_table.sort, defaults.letter_table.descending)
    {
        let suffix = if letters.descending { "-desc" } else { "" };
        put("lsort", format!("{}{suffix}", pair_sort_slug(letters.sort)));
    }
    query
}

/// Reads a query string (with or without its `?`). Never fails: what it cannot use is
/// listed in [`Decoded::ignored`].
pub fn decode(query: &str) -> Decoded {
    let mut state = State::default();
    let mut ignored = Vec::new();
    let mut embed = false;
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => {
            ignored.push(format!(
                "everything after the first {MAX_QUERY_CHARS} characters"
            ));
            &query[..cut]
        }
        None => query,
    };
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key.is_empty() && value.is_empty() {
            continue;
        }
        if let Err(reason) = apply(&mut state, &mut embed, &key, &value) {
            ignored.push(format!(
                "{}={}: {reason}",
                shorten(&key, 40),
                shorten(&value, 40)
            ));
        }
    }
    for input in state.table.drop_unreachable_kept() {
        ignored.push(format!(
            "keep.{}: the box's own text is good, or this condition is not",
            kept_slug(input)
        ));
    }
    Decoded {
        state,
        embed,
        ignored,
    }
}

/// The key suffix of a box's kept condition: `keep.q` for the search, `keep.vcpu` for a column.
fn kept_slug(input: QueryInput) -> &'static str {
    match input {
        QueryInput::Search => "q",
        QueryInput::Column(column) => column.slug(),
    }
}

/// Applies one key to the state; the error says why it was ignored.
fn apply(state: &mut State, embed: &mut bool, key: &str, value: &str) -> Result<(), String> {
    if let Some(result) = apply_chart_range(state, key, value) {
        return result;
    }
    let one = |value: &str| value.trim().to_ascii_lowercase();
    match key {
        "embed" => *embed = matches!(one(value).as_str(), "1" | "true" | "yes"),
        "view" => state.view = View::from_slug(&one(value)).ok_or("not a view")?,
        "cat" => {
            let shown: SortedSet<Category> = if one(value) == "none" {
                SortedSet::new()
            } else {
                set_of(list(value).map(|s| {
                    Category::ALL
                        .into_iter()
                        .find(|c| c.slug() == s)
                        .ok_or("not a category")
                }))?
            };
            if shown.is_empty() && one(value) != "none" {
                return Err("no category named (cat=none hides them all)".into());
            }
            state.filter.hidden_categories = set_of(
                Category::ALL
                    .into_iter()
                    .filter(|c| !shown.contains(c))
                    .map(Ok::<_, String>),
            )?;
        }
        "series-off" => {
            state.filter.hidden_series = set_of(list(value).map(|s| checked_series(&s)))?;
        }
        "current" => state.filter.current_only = flag(value)?,
        "offered" => state.filter.offered_only = flag(value)?,
        "region" => {
            let code = one(value);
            if region_name(&code).is_none() {
                return Err("not a region".into());
            }
            state.region = code;
        }
        "letter" => {
            let letter = one(value);
            if !(1..=4).contains(&letter.len()) || !letter.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err("not a capability letter".into());
            }
            state.letter = letter;
        }
        "diff" => state.differences_only = flag(value)?,
        "suspect" => state.include_suspect = flag(value)?,
        "letters" => {
            state.letter_table.every_letter = match one(value).as_str() {
                "all" => true,
                "one" => false,
                _ => return Err("not all or one".into()),
            }
        }
        "lsort" => {
            let value = one(value);
            let (slug, descending) = match value.strip_suffix("-desc") {
                Some(slug) => (slug, true),
                None => (value.as_str(), false),
            };
            state.letter_table.sort = [PairSort::Pair, PairSort::Median]
                .into_iter()
                .find(|s| pair_sort_slug(*s) == slug)
                .ok_or("not pair or median")?;
            state.letter_table.descending = descending;
        }
        "feature" => {
            state.filter.feature = Some(Feature::from_slug(&one(value)).ok_or("not a feature")?)
        }
        "os" => {
            state.os =
                Os::from_slug(&one(value)).ok_or("not linux, windows, rhel, rhel-ha or suse")?
        }
        "x" => state.families.x = Metric::from_slug(&one(value)).ok_or("not a metric")?,
        "y" => state.families.y = Metric::from_slug(&one(value)).ok_or("not a metric")?,
        "colour" => {
            state.families.colour = ColourBy::from_slug(&one(value)).ok_or("not a colouring")?
        }
        "xscale" => {
            state.families.x_scale = Scale::from_slug(&one(value)).ok_or("not linear or log")?
        }
        "yscale" => {
            state.families.y_scale = Scale::from_slug(&one(value)).ok_or("not linear or log")?
        }
        "tables" => {
            state.chart_tables =
                set_of(list(value).map(|slug| View::from_slug(&slug).ok_or("not a view")))?;
        }
        "xmin" => state.families.x_range.min = range_end(value)?,
        "xmax" => state.families.x_range.max = range_end(value)?,
        "ymin" => state.families.y_range.min = range_end(value)?,
        "ymax" => state.families.y_range.max = range_end(value)?,
        "cell" => {
            state.sizes.metric = [CellMetric::Vcpu, CellMetric::Memory, CellMetric::Price]
                .into_iter()
                .find(|m| cell_slug(*m) == one(value))
                .ok_or("not vcpu, memory or price")?;
        }
        "ladder" => {
            state.sizes.ladder_families = list(value)
                .map(|s| checked_family(&s))
                .collect::<Result<_, _>>()?
        }
        "sort" => {
            let value = one(value);
            let (slug, direction) = match value.strip_suffix("-desc") {
                Some(slug) => (slug, SortDirection::Descending),
                None => (value.as_str(), SortDirection::Ascending),
            };
            state.table.sort = Some((Column::from_slug(slug).ok_or("not a column")?, direction));
        }
        "cols" => {
            let columns: Vec<Column> = list(value)
                .map(|s| Column::from_slug(&s).ok_or("not a column"))
                .collect::<Result<_, _>>()?;
            if columns.is_empty() {
                return Err("no columns".into());
            }
            let mut seen = SortedSet::new();
            state.table.columns = columns.into_iter().filter(|c| seen.insert(*c)).collect();
        }
        "q" => state.table.search = text(value),
        "vendor" => {
            state.table.select.vendors = one_of(
                value,
                &VENDORS,
                vendor_slug,
                "not intel, amd, graviton or other",
            )?;
        }
        "arch" => {
            state.table.select.architectures = one_of(
                value,
                &ARCHITECTURES,
                architecture_slug,
                "not x86_64 or arm64",
            )?;
        }
        "disk" => {
            let slug = |s: StorageChoice| s.slug();
            state.table.select.storage = one_of(
                value,
                &StorageChoice::ALL,
                slug,
                "not ebs, nvme, ssd or hdd",
            )?;
        }
        "caps" => {
            let letter = |c: Capability| c.letter();
            state.table.select.letters =
                one_of(value, &Capability::ALL, letter, "not a capability letter")?;
        }
        "gen" => {
            state.table.select.generations = set_of(list(value).map(|s| match s.parse::<u32>() {
                Ok(g) if (1..=99).contains(&g) => Ok(g),
                _ => Err("not a generation (1 to 99)"),
            }))?;
        }
        "name" => state.decoder = text(value),
        "pin" => {
            let names: Vec<String> = list(value)
                .map(|s| checked_name(&s))
                .collect::<Result<_, _>>()?;
            if names.len() > MAX_PINNED {
                return Err(format!("more than {MAX_PINNED} pinned types"));
            }
            state.pinned = Vec::new();
            for name in names {
                if !state.pinned.contains(&name) {
                    state.pinned.push(name);
                }
            }
        }
        _ if key.starts_with("keep.") => {
            let input = match &key["keep.".len()..] {
                "q" => QueryInput::Search,
                slug => match Column::from_slug(slug) {
                    Some(column) if column.is_numeric() => QueryInput::Column(column),
                    _ => return Err("not a filter box".into()),
                },
            };
            state.table.kept.insert(input, text(value));
        }
        _ => match key.strip_prefix("f.").map(Column::from_slug) {
            Some(Some(column)) if column.is_numeric() => {
                if value.trim().is_empty() {
                    state.table.filters.remove(&column);
                } else {
                    state.table.filters.insert(column, text(value));
                }
            }
            Some(_) => return Err("not a numeric column".into()),
            None => return Err("unknown setting".into()),
        },
    }
    Ok(())
}

/// The options a comma-separated list names by their slugs, or `error` for one it does not.
fn one_of<T: Copy + Ord>(
    value: &str,
    options: &[T],
    slug: impl Fn(T) -> &'static str,
    error: &str,
) -> Result<SortedSet<T>, String> {
    set_of(list(value).map(|s| {
        options
            .iter()
            .copied()
            .find(|o| slug(*o) == s)
            .ok_or_else(|| error.to_owned())
    }))
}

/// The items as a set, inserted one at a time (the first error stops it).
fn set_of<T: Ord, E>(items: impl IntoIterator<Item = Result<T, E>>) -> Result<SortedSet<T>, E> {
    let mut set = SortedSet::new();
    for item in items {
        set.insert(item?);
    }
    Ok(set)
}

fn flag(value: &str) -> Result<bool, String> {
    match value.trim() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err("not 1 or 0".into()),
    }
}

/// A chart axis's range end, as the address writes it: a size name on the ladder's size
/// axis (`large`, `8xlarge`), a number elsewhere.
fn range_end_text(axis: ChartAxis, value: f64) -> String {
    if axis == ChartAxis::LadderSize {
        size_name(value as i32)
    } else {
        crate::decimal::shortest(value)
    }
}

/// Reads `{axis}-min` / `{axis}-max` for the ladder's and Letter prices' axes.
fn apply_chart_range(state: &mut State, key: &str, value: &str) -> Option<Result<(), String>> {
    let (slug, end) = key.rsplit_once('-')?;
    let axis = ZoomChart::ALL
        .iter()
        .flat_map(|chart| chart.axes())
        .copied()
        .filter(|axis| axis.chart() != ZoomChart::Families)
        .find(|axis| axis.slug() == slug)?;
    if end != "min" && end != "max" {
        return None;
    }
    let read = if axis == ChartAxis::LadderSize {
        let name = value.trim().to_ascii_lowercase();
        if name.is_empty() {
            Ok(None)
        } else {
            size_step(&name)
                .filter(|step| step.abs() <= MAX_SIZE_STEPS as i32)
                .map(|step| Some(f64::from(step)))
                .ok_or_else(|| "not a size such as large or 8xlarge".to_owned())
        }
    } else {
        range_end(value)
    };
    Some(read.map(|read| {
        let mut range = state.range(axis);
        if end == "min" {
            range.min = read;
        } else {
            range.max = read;
        }
        *state = reduce(state, Action::SetRange(axis, range));
    }))
}

/// An axis range's end: a finite number in the metric's base unit (empty: open).
fn range_end(value: &str) -> Result<Option<f64>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match crate::decimal::read(value) {
        Ok(number) if number.is_finite() => Ok(Some(number + 0.0)),
        _ => Err("not a number".into()),
    }
}

fn list(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
}

fn checked_series(series: &str) -> Result<String, String> {
    if (1..=8).contains(&series.len()) && series.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(series.to_owned())
    } else {
        Err("not a series".into())
    }
}

fn checked_family(family: &str) -> Result<String, String> {
    match name::decode(&format!("{family}.large")) {
        Ok(decoded) if decoded.family == family => Ok(family.to_owned()),
        _ => Err("not a family name".into()),
    }
}

fn checked_name(candidate: &str) -> Result<String, String> {
    name::decode(candidate)
        .map(|d| d.name)
        .map_err(|_| "not an instance type name".into())
}

fn text(value: &str) -> String {
    value.chars().take(MAX_TEXT_CHARS).collect()
}

fn pair_sort_slug(sort: PairSort) -> &'static str {
    match sort {
        PairSort::Pair => "pair",
        PairSort::Median => "median",
    }
}

fn cell_slug(metric: CellMetric) -> &'static str {
    match metric {
        CellMetric::Vcpu => "vcpu",
        CellMetric::Memory => "memory",
        CellMetric::Price => "price",
    }
}

fn join<'a>(items: impl Iterator<Item = impl AsRef<str> + 'a>) -> String {
    items
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(",")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// Appends `text` percent-encoded: all but letters, digits, `-._~` and the list separators
/// `,:`, which keeps the common URLs readable.
fn escape_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,:".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}
