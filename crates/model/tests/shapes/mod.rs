//! Generated catalogues of awkward shapes, as CSV in the dataset's own columns (so they
//! follow the model whatever fields it grows): one family with very many sizes, very many
//! families, very many types. Shared by the scale tests and `examples/scale_bench.rs`.
#![allow(dead_code)]

use atlas_model::catalog::Catalog;
use atlas_model::prices::PriceTable;

/// The dataset's header row.
pub const HEADER: &str = "instance_type,instance_family,vcpu,memory,clock_speed,physical_processor,\
processor_architecture,network_performance,storage,gpu,gpu_memory,dedicated_ebs_throughput,current_generation";

/// One CSV row.
pub fn row(name: &str, category: &str, vcpu: u64, memory_gib: f64, processor: &str) -> String {
    format!(
        "{name},{category},{vcpu},{memory_gib} GiB,3.5 GHz,{processor},64-bit,Up to 10 Gigabit,\
         EBS only,,NA,Up to 5000 Mbps,Yes"
    )
}

/// A catalogue from rows.
pub fn catalog(rows: &[String]) -> Catalog {
    let text = format!("{HEADER}\n{}", rows.join("\n"));
    Catalog::from_csv(&text).unwrap_or_else(|e| panic!("the generated catalogue parses: {e}"))
}

/// One family, `m5`, with `n` sizes: `2xlarge`, `3xlarge`, ... each with 4 vCPUs per xlarge
/// (every seventh has 6, off the doubling rule).
pub fn one_family_of_sizes(n: u64) -> Catalog {
    let rows: Vec<String> = (2..n + 2)
        .map(|k| {
            let vcpu = if k % 7 == 0 { 6 * k } else { 4 * k };
            row(
                &format!("m5.{k}xlarge"),
                "General purpose",
                vcpu,
                16.0 * k as f64,
                "Intel Xeon",
            )
        })
        .collect();
    catalog(&rows)
}

/// `n` families in Intel / AMD pairs (`m1i`, `m1a`, `m2i`, `m2a`, ...), two sizes each.
pub fn many_families(n: u64) -> Catalog {
    let mut rows = Vec::new();
    for g in 1..=n / 2 {
        for (letter, processor) in [("i", "Intel Xeon"), ("a", "AMD EPYC")] {
            for (size, vcpu) in [("large", 2), ("xlarge", 4)] {
                let name = format!("m{g}{letter}.{size}");
                rows.push(row(
                    &name,
                    "General purpose",
                    vcpu,
                    4.0 * vcpu as f64,
                    processor,
                ));
            }
        }
    }
    catalog(&rows)
}

/// Prices for every type of `catalog` in `us-east-1` (AMD 10% cheaper).
pub fn prices(catalog: &Catalog) -> PriceTable {
    let mut text = String::from("instance_type,os,us-east-1");
    for t in &catalog.types {
        let usd = f64::from(t.vcpu) * if t.family.ends_with('a') { 0.045 } else { 0.05 };
        text.push_str(&format!("\n{},linux,{usd}", t.name));
    }
    PriceTable::from_csv(&text).unwrap_or_else(|e| panic!("the generated prices parse: {e}"))
}

/// `n` types in families of 10 sizes, across every category.
pub fn many_types(n: u64) -> Catalog {
    let categories = [
        "General purpose",
        "Compute optimized",
        "Memory optimized",
        "Storage optimized",
        "GPU instance",
    ];
    let rows: Vec<String> = (0..n)
        .map(|i| {
            let (family, k) = (i / 10, i % 10 + 2);
            let category = categories[(family % 5) as usize];
            let name = format!("c{}.{k}xlarge", family + 1);
            row(&name, category, 4 * k, 8.0 * k as f64, "AMD EPYC")
        })
        .collect();
    catalog(&rows)
}
