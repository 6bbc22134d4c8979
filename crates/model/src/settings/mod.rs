//! What a person chose, view by view: the Families chart's axes and colours, the Sizes
//! cells and ladder, the zoomable charts' ranges, the Table's boxes, the Letter prices
//! table's order, which charts show their table. Plain data the state holds and the address
//! encodes; the charts and tables read it, and nothing here depends on how they draw.

mod axis;
mod families;
mod letters;
mod metric;
mod sizes;
mod table;
mod zoom;

pub use axis::{Axis, AxisRange, Scale};
pub use families::{ColourBy, FamiliesSpec};
pub use letters::{LetterTableSpec, PairSort};
pub use metric::Metric;
pub use sizes::{CellMetric, LadderRanges, SizesSpec};
pub use table::TableSpec;
pub use zoom::{ChartAxis, ZoomChart};
