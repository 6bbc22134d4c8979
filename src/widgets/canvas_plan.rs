//! Any chart's plan as the canvas and the picture export use it: an object-safe face of
//! [`Plan`], so [`ChartCanvas`](crate::widgets::chart_canvas::ChartCanvas) and
//! [`ChartSave`](crate::widgets::chart_save::ChartSave) are compiled once for every chart
//! instead of once per kind of plan (only plotters' drawing stays per plan).

use std::any::Any;
use std::rc::Rc;

use atlas_model::chart::hitmap::HitMap;
use atlas_model::chart::image::{svg_image, ImageCaption};
use atlas_model::chart::theme::Theme;
use atlas_model::chart::{ChartError, Paint, Plan};
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use yew::html::IntoPropValue;

use crate::widgets::canvas_backend::CanvasBackend;

/// A canvas's drawing area, the one backend the page paints charts on.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

/// What the canvas and the picture export need from a plan, whatever chart it is.
pub trait CanvasPlan {
    /// Paints the chart on the canvas and returns where every point landed ([`Plan::draw`]).
    fn paint(&self, area: &CanvasArea, paint: &Paint) -> Result<HitMap, ChartError>;
    /// Paints line `line` emphasised on the overlay ([`Plan::draw_highlight`]).
    fn highlight(
        &self,
        area: &CanvasArea,
        hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError>;
    /// Whether `other` is a plan of the same kind with the same contents.
    fn same_as(&self, other: &dyn Any) -> bool;
    /// The plan itself, for [`CanvasPlan::same_as`].
    fn as_any(&self) -> &dyn Any;
}

impl<P: Plan + PartialEq + 'static> CanvasPlan for P {
    fn paint(&self, area: &CanvasArea, paint: &Paint) -> Result<HitMap, ChartError> {
        self.draw(area, paint)
    }

    fn highlight(
        &self,
        area: &CanvasArea,
        hits: &HitMap,
        line: usize,
        paint: &Paint,
    ) -> Result<(), ChartError> {
        self.draw_highlight(area, hits, line, paint)
    }

    fn same_as(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<P>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The saved picture of a plan, apart from [`CanvasPlan`] so that a build without picture
/// export (the embed page) links no SVG drawing.
pub trait PicturePlan {
    /// The plan under its caption, as an SVG document.
    fn picture(&self, caption: &ImageCaption, theme: Theme) -> Result<String, ChartError>;
}

impl<P: Plan> PicturePlan for P {
    fn picture(&self, caption: &ImageCaption, theme: Theme) -> Result<String, ChartError> {
        svg_image(self, caption, theme)
    }
}

/// Any chart's plan, shared; two are equal when they hold the same plan (the canvas
/// repaints only when the plan it gets differs).
#[derive(Clone)]
pub struct AnyPlan {
    plan: Rc<dyn CanvasPlan>,
    /// The same plan for Save SVG / PNG; `None` in the embed page, which saves no pictures.
    picture: Option<Rc<dyn PicturePlan>>,
}

impl AnyPlan {
    /// Any plan, as the canvas and the picture export take it.
    pub fn new<P: Plan + PartialEq + 'static>(plan: Rc<P>) -> Self {
        let picture = match crate::EMBED_PAGE {
            true => None,
            false => Some(plan.clone() as Rc<dyn PicturePlan>),
        };
        AnyPlan { plan, picture }
    }

    /// The saved picture: the plan under its caption, as an SVG document.
    pub fn picture(&self, caption: &ImageCaption, theme: Theme) -> Result<String, ChartError> {
        match &self.picture {
            Some(plan) => plan.picture(caption, theme),
            None => Err(ChartError::Backend(
                "this page saves no pictures: open the chart in Instance Atlas".into(),
            )),
        }
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
