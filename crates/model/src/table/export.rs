//! The Table's export: the shown rows as CSV (to download or re-import) or as Markdown.

use crate::catalog::Catalog;
use crate::instance::{Category, InstanceType};

use super::{Column, RowPrices};

/// Cells starting with these are formulas to a spreadsheet (CSV injection), so [`to_csv`]
/// prefixes them with `'`; tab and carriage return are on OWASP's list too.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The rows as CSV (RFC 4180 quoting by the `csv` crate), one header row first.
///
/// Headers are [`Column::csv_header`]: the dataset's own column names where a column comes
/// from the dataset, and cells keep the dataset's vocabulary (the source's strings,
/// `NA` for no GPU memory, the AWS Price List category), so an export that includes every
/// dataset column ([`Column::ALL`]) re-imports with [`Catalog::from_csv`]. Derived
/// columns (`family`, `vendor`, `storage_kind`) are written under their slugs and ignored
/// on import. A cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so
/// a spreadsheet shows it as text instead of running it as a formula; NUL and other
/// control characters (but tab and line breaks) are dropped.
pub fn to_csv(catalog: &Catalog, rows: &[usize], columns: &[Column], prices: &RowPrices) -> String {
    // Writing into memory cannot fail; the CSV writer still returns Results.
    let bytes = write_csv(catalog, rows, columns, prices).unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn write_csv(
    catalog: &Catalog,
    rows: &[usize],
    columns: &[Column],
    prices: &RowPrices,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns.iter().map(|c| c.csv_header()))?;
    let mut cells: Vec<String> = Vec::with_capacity(columns.len());
    for (i, t) in rows
        .iter()
        .filter_map(|&i| catalog.types.get(i).map(|t| (i, t)))
    {
        cells.clear();
        cells.extend(
            columns
                .iter()
                .map(|c| defuse_formula(without_controls(csv_cell(*c, t, prices.hourly(i))))),
        );
        writer.write_record(&cells)?;
    }
    Ok(writer.into_inner().map_err(|e| e.into_error())?)
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

/// A CSV cell in the dataset's own vocabulary, so a full export re-imports.
fn csv_cell(column: Column, t: &InstanceType, hourly: Option<f64>) -> String {
    match column {
        Column::Category => price_list_family(t).to_owned(),
        Column::GpuMemory if t.gpu_memory_gib.is_none() => "NA".to_owned(),
        // Plain numbers, so a spreadsheet can compute with them; empty when unknown.
        c if c.price_metric().is_some() => c
            .number_at(t, hourly)
            .map(|v| v.to_string())
            .unwrap_or_default(),
        _ => column.text(t),
    }
}

/// The AWS Price List `instanceFamily` value that maps back to the type's category.
fn price_list_family(t: &InstanceType) -> &'static str {
    match t.category {
        Category::General => "General purpose",
        Category::Compute => "Compute optimized",
        Category::Memory => "Memory optimized",
        Category::Storage => "Storage optimized",
        Category::Accelerated if t.gpus > 0 => "GPU instance",
        Category::Accelerated if t.family.starts_with('f') => "FPGA Instances",
        Category::Accelerated if t.family.starts_with("vt") => "Media Accelerator Instances",
        Category::Accelerated => "Machine Learning ASIC Instances",
    }
}
