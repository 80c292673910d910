//! Geometry of the window as the accessibility tree reports it: every interactive widget's
//! visible rectangle (clipped to the scroll area it sits in), to check that nothing overlaps
//! and nothing lies past the window's edge.
#![allow(dead_code)]

use eframe::egui::Role;
use eframe::egui::{Rect, pos2};
use egui_kittest::Node;
use egui_kittest::kittest::NodeT;

/// One interactive widget: what it is called and the part of it that is on screen.
#[derive(Clone, Debug)]
pub struct Placed {
    /// Role and label, for messages.
    pub name: String,
    /// The widget's whole rectangle.
    pub rect: Rect,
    /// The part of it inside every scroll area around it (may be empty).
    pub visible: Rect,
    /// Which layer it is on (the window's main area, a dialog, a popup): widgets on
    /// different layers may lie over each other, one above the other.
    pub layer: usize,
    /// Indexes (in the list returned) of the placed widgets it is inside, such as the text
    /// of a rubric card that is itself a control.
    pub ancestors: Vec<usize>,
}

impl Placed {
    /// Whether this is text or an image rather than a control.
    pub fn is_text(&self) -> bool {
        self.name.starts_with("Label ") || self.name.starts_with("Image ")
    }
}

/// Roles a person can press, tick, type into or pick from, and text (which must not lie over
/// other text or controls either).
fn interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Label
            | Role::Image
            | Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::ComboBox
            | Role::SpinButton
            | Role::Slider
            | Role::DisclosureTriangle
            | Role::Link
            | Role::Tab
    )
}

/// Every interactive widget under `root`, with its visible part.
pub fn placed(root: &Node<'_>, pixels_per_point: f32) -> Vec<Placed> {
    let mut out = Vec::new();
    let everything = Rect::from_min_max(pos2(-1e6, -1e6), pos2(1e6, 1e6));
    for (layer, child) in root.children().enumerate() {
        let start = out.len();
        walk(&child, everything, pixels_per_point, &[], &mut out);
        for placed in &mut out[start..] {
            placed.layer = layer;
        }
    }
    out
}

fn rect_of(node: &Node<'_>, ppp: f32) -> Option<Rect> {
    let b = node.accesskit_node().bounding_box()?;
    Some(Rect::from_min_max(
        pos2(b.x0 as f32 / ppp, b.y0 as f32 / ppp),
        pos2(b.x1 as f32 / ppp, b.y1 as f32 / ppp),
    ))
}

fn walk(node: &Node<'_>, clip: Rect, ppp: f32, ancestors: &[usize], out: &mut Vec<Placed>) {
    let children: Vec<Node<'_>> = node.children().collect();
    // A scroll area shows as a container whose children include its scroll bar: the bar's
    // height is the viewport's, so the other children are cut to it.
    let mut inner = clip;
    for child in &children {
        if child.accesskit_node().role() == Role::ScrollBar
            && let Some(bar) = rect_of(child, ppp)
        {
            inner = Rect::from_min_max(
                pos2(inner.min.x, inner.min.y.max(bar.min.y)),
                pos2(inner.max.x.min(bar.max.x), inner.max.y.min(bar.max.y)),
            );
        }
    }
    for child in &children {
        let ak = child.accesskit_node();
        let role = ak.role();
        if role == Role::ScrollBar {
            continue;
        }
        let mut inside = ancestors.to_vec();
        if interactive(role)
            && let Some(rect) = rect_of(child, ppp)
        {
            let label = ak.label().unwrap_or_default();
            let text: String = if label.is_empty() {
                child
                    .children()
                    .filter_map(|run| run.accesskit_node().value())
                    .collect()
            } else {
                label
            };
            out.push(Placed {
                name: format!("{role:?} {text:?}"),
                rect,
                visible: rect.intersect(inner),
                layer: 0,
                ancestors: ancestors.to_vec(),
            });
            inside.push(out.len() - 1);
        }
        walk(child, inner, ppp, &inside, out);
    }
}

/// Whether a rectangle has any area.
fn has_area(rect: Rect) -> bool {
    rect.width() > 0.5 && rect.height() > 0.5
}

/// Problems with the layout: widgets whose visible parts overlap, or that reach past the
/// window (`window`), in words.
pub fn problems(placed: &[Placed], window: Rect) -> Vec<String> {
    let mut problems = Vec::new();
    let visible: Vec<(usize, &Placed)> = placed
        .iter()
        .enumerate()
        .filter(|(_, p)| has_area(p.visible))
        .collect();
    for (_, p) in &visible {
        let inside = window.expand(0.5);
        if !inside.contains_rect(p.visible) {
            problems.push(format!(
                "{} at {:?} is outside the window {window:?}",
                p.name, p.visible
            ));
        }
    }
    for (i, (ia, a)) in visible.iter().enumerate() {
        for (ib, b) in visible[i + 1..].iter().filter(|(_, b)| b.layer == a.layer) {
            if a.ancestors.contains(ib) || b.ancestors.contains(ia) {
                continue;
            }
            // Text drawn on a control (a rubric card's words) is part of it.
            let on = |text: &Placed, control: &Placed| {
                text.is_text()
                    && !control.is_text()
                    && control.rect.expand(1.0).contains_rect(text.visible)
            };
            if on(a, b) || on(b, a) {
                continue;
            }
            let overlap = a.visible.intersect(b.visible);
            if overlap.width() > 1.0 && overlap.height() > 1.0 {
                problems.push(format!(
                    "{} {:?} overlaps {} {:?}",
                    a.name, a.visible, b.name, b.visible
                ));
            }
        }
    }
    problems
}
