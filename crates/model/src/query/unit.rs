//! The units a numeric column is measured in, and the units people may type for it
//! (`>=1TiB` in the memory column, `>=25Gbps` in the network column).

/// What a numeric column measures: its unit, and the units a filter may name instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColumnUnit {
    /// Plain counts (vCPU, GPUs, generation): no unit may be typed.
    #[default]
    Count,
    /// Memory in GiB; MiB and TiB too (`GB`, `MB`, `TB` are read as their binary units,
    /// the way memory is usually meant).
    Memory,
    /// Local storage in GB (decimal); TB, and GiB or TiB converted exactly.
    Storage,
    /// Network bandwidth in Gbps; Mbps and Tbps too.
    Network,
    /// EBS throughput in Mbps; Gbps too.
    Ebs,
    /// Clock speed in GHz; MHz too.
    Clock,
    /// US dollars; a leading `$` may be typed.
    Usd,
    /// GiB of memory per vCPU.
    GibPerVcpu,
    /// A share of one whole (a fractional GPU: `0.125`); `%` may be typed (`>=50%`).
    Share,
}

/// One typed unit: its spelling (lower case) and how many column units it is.
type Spelling = (&'static str, f64);

const GIB_PER_GB: f64 = 1e9 / 1_073_741_824.0;

impl ColumnUnit {
    /// The unit a bare number is read in, as written in headings (`GiB`), empty for counts.
    pub fn name(self) -> &'static str {
        match self {
            ColumnUnit::Count => "",
            ColumnUnit::Memory => "GiB",
            ColumnUnit::Storage => "GB",
            ColumnUnit::Network => "Gbps",
            ColumnUnit::Ebs => "Mbps",
            ColumnUnit::Clock => "GHz",
            ColumnUnit::Usd => "USD",
            ColumnUnit::GibPerVcpu => "GiB per vCPU",
            ColumnUnit::Share => "",
        }
    }

    /// The spellings this column accepts (lower case) and their size in column units.
    fn spellings(self) -> &'static [Spelling] {
        match self {
            ColumnUnit::Count | ColumnUnit::Usd => &[],
            ColumnUnit::Memory => &[
                ("mib", 1.0 / 1024.0),
                ("gib", 1.0),
                ("tib", 1024.0),
                ("mb", 1.0 / 1024.0),
                ("gb", 1.0),
                ("tb", 1024.0),
            ],
            ColumnUnit::Storage => &[
                ("gb", 1.0),
                ("tb", 1000.0),
                ("gib", 1.0 / GIB_PER_GB),
                ("tib", 1024.0 / GIB_PER_GB),
            ],
            ColumnUnit::Network => &[
                ("mbps", 0.001),
                ("gbps", 1.0),
                ("tbps", 1000.0),
                ("megabit", 0.001),
                ("gigabit", 1.0),
            ],
            ColumnUnit::Ebs => &[("mbps", 1.0), ("gbps", 1000.0)],
            ColumnUnit::Clock => &[("mhz", 0.001), ("ghz", 1.0)],
            ColumnUnit::GibPerVcpu => &[("gib", 1.0), ("gib/vcpu", 1.0)],
            ColumnUnit::Share => &[("%", 0.01)],
        }
    }

    /// How many column units `typed` is (any case), or why it is not a unit of this column.
    pub fn factor(self, typed: &str, column: &str) -> Result<f64, String> {
        let lower = typed.to_ascii_lowercase();
        if let Some((_, factor)) = self.spellings().iter().find(|(s, _)| *s == lower) {
            return Ok(*factor);
        }
        Err(match self {
            ColumnUnit::Count => format!("{column} takes plain numbers, not '{typed}'"),
            ColumnUnit::Usd => {
                format!("{column} is in US dollars: write 0.10 or $0.10, not '{typed}'")
            }
            _ => format!(
                "'{typed}' is not a unit for {column}: use {}",
                self.listed()
            ),
        })
    }

    /// The units a person can type, for messages: `MiB, GiB or TiB`.
    fn listed(self) -> String {
        let names: &[&str] = match self {
            ColumnUnit::Memory => &["MiB", "GiB", "TiB"],
            ColumnUnit::Storage => &["GB", "TB"],
            ColumnUnit::Network => &["Mbps", "Gbps", "Tbps"],
            ColumnUnit::Ebs => &["Mbps", "Gbps"],
            ColumnUnit::Clock => &["MHz", "GHz"],
            ColumnUnit::GibPerVcpu => &["GiB"],
            ColumnUnit::Share => &["%"],
            ColumnUnit::Count | ColumnUnit::Usd => &[],
        };
        match names {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        }
    }
}
