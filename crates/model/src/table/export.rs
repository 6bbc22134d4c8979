//! The Table's export: the shown rows as CSV or TSV (to download, paste or re-import) or
//! as Markdown.

use crate::catalog::Catalog;
use crate::instance::InstanceType;
use crate::prices::{Os, PriceMetric};
use crate::regions::region_name;

use super::{format_number, Column, RowPrices};

/// Where an export's prices are from, written into the file and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportContext<'a> {
    /// The region code the prices are for (`us-east-1`).
    pub region: &'a str,
    /// The operating system the prices are for.
    pub os: Os,
    /// The date of the prices (`2025-03-02`).
    pub price_date: &'a str,
}

/// A text table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Comma-separated values (RFC 4180 quoting).
    Csv,
    /// Tab-separated values (pastes into a spreadsheet as columns).
    Tsv,
}

impl ExportFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Tsv => "tsv",
        }
    }

    fn delimiter(self) -> u8 {
        match self {
            ExportFormat::Csv => b',',
            ExportFormat::Tsv => b'\t',
        }
    }
}

/// The suggested file name: `instance-atlas-us-east-1-linux-2025-03-02.csv`.
pub fn export_file_name(context: &ExportContext, format: ExportFormat) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!(
        "instance-atlas-{}-{}-{}.{}",
        safe(context.region),
        context.os.slug(),
        safe(context.price_date),
        format.extension()
    )
}

/// The line an export starts with: what it holds and where its prices are from. It has no
/// comma, semicolon or tab, so it stays one cell and the importer skips it as it looks
/// for the header row.
pub fn export_note(context: &ExportContext, rows: usize) -> String {
    let region = match region_name(context.region) {
        Some(name) => format!("{} ({name})", context.region),
        None => context.region.to_owned(),
    };
    let plural = if rows == 1 { "" } else { "s" };
    format!(
        "# Instance Atlas: {rows} instance type{plural}. Prices: on-demand US dollars in {region} for {} as of {}.",
        context.os.label(),
        context.price_date
    )
    .replace([',', ';', '\t'], " ")
}

/// The rows as CSV or TSV with a first line saying which region, OS and date the prices are
/// for ([`export_note`]), then the header row and one row per type (see [`to_csv`]).
pub fn to_delimited(
    catalog: &Catalog,
    rows: &[usize],
    columns: &[Column],
    prices: &RowPrices,
    format: ExportFormat,
    context: &ExportContext,
) -> String {
    let note = export_note(context, rows.len());
    let table = write_csv(catalog, rows, columns, prices, format);
    format!("{note}\n{table}")
}

/// Cells starting with these are formulas to a spreadsheet (CSV injection), so [`to_csv`]
/// prefixes them with `'`; tab and carriage return are on OWASP's list too.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The rows as CSV (RFC 4180 quoting, see [`write_record`]), one header row first.
///
/// Headers are the atlas's own column names with their units ([`Column::label`]:
/// `Memory (GiB)`, `Network (Gbps)`, `Price ($/h)`); cells are the atlas's words
/// (`Accelerated computing`, `AWS Graviton`) and plain numbers in the header's unit,
/// rounded to what the unit needs (`832.2`, not `832.1999999999999`), so a spreadsheet can
/// compute with them and the atlas's own importer reads the file back. A cell that starts
/// with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet shows it as text
/// instead of running it as a formula. [`to_delimited`] adds the prices' region, OS and date.
pub fn to_csv(catalog: &Catalog, rows: &[usize], columns: &[Column], prices: &RowPrices) -> String {
    write_csv(catalog, rows, columns, prices, ExportFormat::Csv)
}

fn write_csv(
    catalog: &Catalog,
    rows: &[usize],
    columns: &[Column],
    prices: &RowPrices,
    format: ExportFormat,
) -> String {
    let delimiter = char::from(format.delimiter());
    let mut out = String::new();
    write_record(
        &mut out,
        delimiter,
        columns.iter().map(|c| c.label().to_owned()),
    );
    for (i, t) in rows
        .iter()
        .filter_map(|&i| catalog.types.get(i).map(|t| (i, t)))
    {
        let cells = columns
            .iter()
            .map(|c| defuse_formula(without_controls(csv_cell(*c, t, prices.hourly(i)))));
        write_record(&mut out, delimiter, cells);
    }
    out
}

/// One CSV record and its `\n`, quoted as RFC 4180 (and the `csv` crate) quote: a field
/// holding the delimiter, a quote or a line break goes in quotes with its quotes doubled,
/// and a record of one empty field is `""` so it is not read as no record. Written here,
/// not by `csv::Writer`: that writer links a float parser for a quoting style this never
/// uses (its `NonNumeric` test), which alone kept core's `dec2flt` in the page.
fn write_record(out: &mut String, delimiter: char, cells: impl Iterator<Item = String>) {
    let start = out.len();
    let mut fields = 0;
    for (n, cell) in cells.enumerate() {
        if n > 0 {
            out.push(delimiter);
        }
        fields += 1;
        if cell.contains([delimiter, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    if fields == 1 && out.len() == start {
        out.push_str("\"\"");
    }
    out.push('\n');
}

/// Prefixes a cell a spreadsheet would run as a formula with `'`.
fn defuse_formula(cell: String) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The rows as a Markdown (GitHub) table with the column labels as headings; numeric
/// columns are right-aligned. Cells cannot carry markup: Markdown and HTML syntax is
/// escaped with backslashes (see [`MARKDOWN_MARKUP`]) and line breaks become `<br>`.
pub fn to_markdown(
    catalog: &Catalog,
    rows: &[usize],
    columns: &[Column],
    prices: &RowPrices,
) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&escape_markdown(&cell));
            out.push_str(" |");
        }
        out.push('\n');
    };
    line(&mut columns.iter().map(|c| c.label().to_owned()));
    line(&mut columns.iter().map(|c| {
        let align = if c.is_numeric() { "---:" } else { "---" };
        align.to_owned()
    }));
    for (i, t) in rows
        .iter()
        .filter_map(|&i| catalog.types.get(i).map(|t| (i, t)))
    {
        line(&mut columns.iter().map(|c| c.text_at(t, prices.hourly(i))));
    }
    out
}

/// Characters Markdown (CommonMark and GitHub's tables) or HTML would read as markup in a
/// table cell: emphasis, code spans, links and images, raw HTML and entities, strikethrough,
/// the cell separator, and the backslash itself.
const MARKDOWN_MARKUP: [char; 13] = [
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '&', '~', '|',
];

/// Escapes a Markdown table cell: every markup character gets a backslash (which every
/// CommonMark renderer reads as "this character, literally"), line breaks become `<br>`,
/// and other control characters are dropped.
fn escape_markdown(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len() + 8);
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            c if MARKDOWN_MARKUP.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Drops NUL and other control characters except tab and line breaks (which CSV quotes), so
/// an export re-imports and no reader stops at a NUL.
fn without_controls(cell: String) -> String {
    if cell
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        cell.chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect()
    } else {
        cell
    }
}

/// A CSV cell: the atlas's words, or a plain number in the header's unit.
fn csv_cell(column: Column, t: &InstanceType, hourly: Option<f64>) -> String {
    let number = |decimals: usize| {
        column
            .number_at(t, hourly)
            .map(|v| format_number(v, decimals))
            .unwrap_or_default()
    };
    match column {
        // The old grades ("Moderate") have no number; they stay words.
        Column::Network if t.network.gbps.is_none() => t.network.label.clone(),
        c => match c.price_metric() {
            // Cents for a month; sub-cent precision for the hourly rates.
            Some(PriceMetric::Monthly) => number(2),
            Some(PriceMetric::Hourly) => number(4),
            Some(_) => number(6),
            None if c.is_numeric() => number(3),
            None if matches!(c, Column::Accelerators | Column::OfferedIn) => c.text(t),
            None => c.text_ref(t).to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::write_record;

    #[test]
    fn records_are_quoted_as_the_csv_crate_quotes_them() {
        let records: [&[&str]; 5] = [
            &["m5.large", "2", "8"],
            &["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "tab\there"],
            &[""],
            &["", ""],
            &["'=1+1", " padded ", "ünïcode"],
        ];
        for delimiter in [b',', b'\t'] {
            let mut ours = String::new();
            let mut theirs = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .from_writer(Vec::new());
            for record in records {
                let cells = record.iter().map(|c| c.to_string());
                write_record(&mut ours, char::from(delimiter), cells);
                theirs
                    .write_record(record)
                    .unwrap_or_else(|e| panic!("the csv crate writes {record:?}: {e}"));
            }
            let bytes = theirs
                .into_inner()
                .unwrap_or_else(|e| panic!("the csv crate finishes: {e}"));
            let theirs = String::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("the csv crate writes UTF-8: {e}"));
            assert_eq!(ours, theirs);
        }
    }
}
