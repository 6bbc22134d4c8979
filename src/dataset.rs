//! The built-in dataset, embedded in the build: no fetch at run time.

/// The instance-type table, as the refresh script wrote it (see `assets/data/PROVENANCE.md`).
pub const INSTANCE_TYPES_CSV: &str = include_str!("../assets/data/instance-types.csv");

/// Where the built-in data comes from, in a line for the footer.
pub const SOURCE: &str = "AWS Price List extract shipped in apache-libcloud 3.9.1 (Apache-2.0)";

/// The date of the source's data, for the footer.
pub const SOURCE_DATE: &str = "2025-03-02";
