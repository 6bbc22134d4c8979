//! Any chart's plan as the canvas and the picture export use it: an object-safe face of
//! [`Plan`], so [`ChartCanvas`](crate::widgets::chart_canvas::ChartCanvas) and
//! [`ChartSave`](crate::widgets::chart_save::ChartSave) are compiled once for every chart
//! instead of once per kind of plan (only plotters' drawing stays per plan).

use std::any::Any;
use std::rc::Rc;

use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::image::ImageCaption;
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{ChartError, Paint, Plan};
use yew::html::IntoPropValue;

use crate::widgets::surface::SurfaceArea;

/// What the canvas and the picture export need from a plan, whatever chart it is.
pub trait CanvasPlan {
    /// Paints the chart on the canvas and returns where every point landed ([`Plan::draw`]).
    fn paint(&self, area: &SurfaceArea, paint: &Paint) -> Result<HitMap, ChartError>;
    /// Paints line `line` emphasised on the overlay ([`Plan::draw_highlight`]).
    fn highlight(
        &self,
        area: &SurfaceArea,
        hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError>;
    /// The plan under its caption, as an SVG document (Save SVG / PNG).
    fn picture(&self, caption: &ImageCaption, theme: Theme) -> Result<String, ChartError>;
    /// Whether `other` is a plan of the same kind with the same contents.
    fn same_as(&self, other: &dyn Any) -> bool;
    /// The plan itself, for [`CanvasPlan::same_as`].
    fn as_any(&self) -> &dyn Any;
}

impl<P: Plan + PartialEq + 'static> CanvasPlan for P {
    fn paint(&self, area: &SurfaceArea, paint: &Paint) -> Result<HitMap, ChartError> {
        self.draw(area, paint)
    }

    fn highlight(
        &self,
        area: &SurfaceArea,
        hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError> {
        self.draw_highlight(area, hits, line, paint)
    }

    /// Drawn on the page's [`Surface`](crate::widgets::surface::Surface), as the canvas is.
    #[cfg(not(feature = "embed-page"))]
    fn picture(&self, caption: &ImageCaption, theme: Theme) -> Result<String, ChartError> {
        use crate::widgets::surface::Surface;
        let mut svg = String::new();
        atlas_model::chart::image::svg_image_on(self, caption, theme, &mut svg, Surface::Picture)?;
        Ok(svg)
    }

    /// The embed page saves no pictures (and links no SVG drawing).
    #[cfg(feature = "embed-page")]
    fn picture(&self, _: &ImageCaption, _: Theme) -> Result<String, ChartError> {
        Err(ChartError::Backend(
            "this page saves no pictures: open the chart in Instance Atlas".into(),
        ))
    }

    fn same_as(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<P>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Any chart's plan, shared; two are equal when they hold the same plan (the canvas
/// repaints only when the plan it gets differs).
#[derive(Clone)]
pub struct AnyPlan {
    plan: Rc<dyn CanvasPlan>,
}

impl AnyPlan {
    /// Any plan, as the canvas and the picture export take it.
    pub fn new<P: Plan + PartialEq + 'static>(plan: Rc<P>) -> Self {
        AnyPlan { plan }
    }
}

impl PartialEq for AnyPlan {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &other.plan) || self.plan.same_as(other.plan.as_any())
    }
}

impl std::ops::Deref for AnyPlan {
    type Target = dyn CanvasPlan;

    fn deref(&self) -> &Self::Target {
        self.plan.as_ref()
    }
}

/// A view hands its plan over as it holds it (`plan={plot.clone()}`).
impl<P: Plan + PartialEq + 'static> IntoPropValue<AnyPlan> for Rc<P> {
    fn into_prop_value(self) -> AnyPlan {
        AnyPlan::new(self)
    }
}
