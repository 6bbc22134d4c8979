//! Exports cannot carry markup or break a re-import: hostile processor names go through the
//! Markdown export and come out as plain text the way a CommonMark renderer reads a table
//! cell, and through the CSV export defused and free of NUL.

use atlas_model::catalog::Catalog;
use atlas_model::table::{to_csv, to_markdown, Column, RowPrices};

const DATASET: &str = include_str!("../../../assets/data/instance-types.csv");

/// Names a person could load, each aiming at some renderer.
const HOSTILE: [&str; 10] = [
    "a | b `c` [x](javascript:alert(1)) **bold** <b>raw</b>",
    "![img](http://x/y.png) _under_ ~~strike~~",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt;entity&lt;/b&gt; &amp;",
    "back\\slash \\| \\`",
    "[ref]: http://evil.example",
    "line one\nline two\r\nline three",
    "nul\u{0}here and bell\u{7}",
    "=HYPERLINK(\"http://x\")",
    "``double `code` span``",
];

/// The catalogue with one copy of `m5.large` per hostile processor name, and their rows.
fn catalog() -> (Catalog, Vec<usize>) {
    let mut catalog = Catalog::from_csv(DATASET).unwrap_or_else(|e| panic!("{e:?}"));
    let m5 = catalog
        .get("m5.large")
        .unwrap_or_else(|| panic!("a value was expected"))
        .clone();
    let mut rows = Vec::new();
    for (n, processor) in HOSTILE.iter().enumerate() {
        let mut t = m5.clone();
        t.name = format!("m5.hostile{n}");
        t.processor = (*processor).to_owned();
        catalog.types.push(t);
        rows.push(catalog.types.len() - 1);
    }
    (catalog, rows)
}

/// Characters that start or end markup in an inline Markdown context (and HTML).
const MARKUP: &str = "\\`*_[]()<>&~|!";

/// Reads one table cell the way a CommonMark renderer does with backslash escapes: a
/// backslash before ASCII punctuation is that character as text. Returns the text, or the
/// first character that a renderer could read as markup (unescaped) as the error.
fn render_cell(cell: &str) -> Result<String, char> {
    let mut text = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(p) if p.is_ascii_punctuation() => text.push(p),
                _ => return Err('\\'),
            },
            '!' => text.push('!'), // only markup before `[`, which is escaped
            c if MARKUP.contains(c) => return Err(c),
            c => text.push(c),
        }
    }
    Ok(text)
}

/// Splits a Markdown table row at its unescaped pipes.
fn cells(line: &str) -> Vec<String> {
    let inner = line
        .trim()
        .strip_prefix('|')
        .unwrap_or_else(|| panic!("a value was expected"))
        .strip_suffix('|')
        .unwrap_or_else(|| panic!("a value was expected"));
    let mut out = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let last = out
                    .last_mut()
                    .unwrap_or_else(|| panic!("a value was expected"));
                last.push('\\');
                last.extend(chars.next());
            }
            '|' => out.push(String::new()),
            c => out
                .last_mut()
                .unwrap_or_else(|| panic!("a value was expected"))
                .push(c),
        }
    }
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

#[test]
fn markdown_cells_read_as_plain_text_in_a_renderer() {
    let (catalog, rows) = catalog();
    let md = to_markdown(
        &catalog,
        &rows,
        &[Column::Name, Column::Processor],
        &RowPrices::default(),
    );
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines.len(), 2 + HOSTILE.len(), "one line per row:\n{md}");
    for (line, original) in lines[2..].iter().zip(HOSTILE) {
        let row = cells(line);
        assert_eq!(row.len(), 2, "the pipes stay inside the cell: {line}");
        // Line breaks are the one HTML the export writes itself.
        let pieces: Vec<&str> = row[1].split("<br>").collect();
        let read: Result<Vec<String>, char> = pieces.iter().map(|p| render_cell(p)).collect();
        let read = read.unwrap_or_else(|c| panic!("{c:?} reads as markup in {line}"));
        let expected: String = original
            .replace("\r\n", "\n")
            .split('\n')
            .map(|l| l.chars().filter(|c| !c.is_control()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(read.join("\n"), expected, "{line}");
    }
    assert!(
        lines[2].contains(r"\[x\]\(javascript:alert\(1\)\)"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].contains(r"\*\*bold\*\* \<b\>raw\</b\>"),
        "{}",
        lines[2]
    );
}

#[test]
fn csv_cells_are_defused_and_never_carry_nul() {
    let (catalog, rows) = catalog();
    let csv = to_csv(
        &catalog,
        &rows,
        &[Column::Name, Column::Processor],
        &RowPrices::default(),
    );
    assert!(!csv.contains('\0'), "no NUL in the file");
    assert!(!csv.contains('\u{7}'), "no other control characters");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let read: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(read[7], "nulhere and bell");
    assert_eq!(read[8], "'=HYPERLINK(\"http://x\")");
    assert_eq!(read[0], HOSTILE[0], "only formulas change");
    // A full export with the hostile rows re-imports: the file is readable text.
    let full = to_csv(&catalog, &rows, &Column::ALL, &RowPrices::default());
    let again = atlas_model::import::load(&full, Some("atlas.csv")).unwrap();
    assert_eq!(again.catalog.types.len(), HOSTILE.len());
}
