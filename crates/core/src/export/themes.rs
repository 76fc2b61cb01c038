//! Áreas temáticas and cross-cutting impacts in the exports: the section of
//! factors and actions by theme (`Áreas temáticas`), the informe's actions by
//! impact (`Impactos transversales`), each a `###` heading per name with the
//! items that carry it (`plan_import` reads them back), and `--by-theme`: one
//! DAFO grid per theme after the whole one.

use crate::domain::Session;
use crate::domain::themes::{Tag, union};
use crate::i18n::{Lang, theme_words};

use super::doc::{Block, Document, Heading, Item, Items, Shape};

fn heading(level: u8, text: &str) -> Block {
    Block::Heading(Heading { level, text: text.to_owned(), aside: None })
}

/// Items carrying names of `tag`: (ID, text, names); factors carry themes only.
fn tagged(s: &Session, tag: Tag) -> Vec<(String, String, Vec<String>)> {
    let factors = crate::domain::Quadrant::ALL
        .iter()
        .flat_map(|&q| s.factors(q).iter())
        .filter(|_| tag == Tag::Theme)
        .map(|f| (f.id.clone(), f.text.clone(), f.themes.clone()));
    let actions = s.all_actions().map(|(_, a)| {
        let names = if tag == Tag::Theme { a.themes.clone() } else { a.impacts.clone() };
        (a.id.clone(), a.text.clone(), names)
    });
    factors.chain(actions).filter(|t| !t.2.is_empty()).collect()
}

/// The names a section shows, in order: the session's own list whole, else
/// the defaults that some item carries; then any name outside the list.
fn names(s: &Session, tag: Tag, items: &[(String, String, Vec<String>)]) -> Vec<String> {
    let own = if tag == Tag::Theme { &s.meta.themes } else { &s.meta.impacts };
    let carried = items.iter().fold(Vec::new(), |all, i| union(&all, &i.2));
    let list = theme_words::list(s, tag);
    let listed: Vec<String> = list.into_iter().filter(|n| !own.is_empty() || carried.contains(n)).collect();
    union(&listed, &carried)
}

/// `Áreas temáticas`: per theme, the factors and actions that carry it.
pub fn themes_section(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    section(out, s, lang, Tag::Theme);
}

/// `Impactos transversales`: per impact, the actions that carry it.
pub fn impacts_section(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    section(out, s, lang, Tag::Impact);
}

fn section(out: &mut Vec<Block>, s: &Session, lang: Lang, tag: Tag) {
    let w = lang.text().keymap.themes;
    let items = tagged(s, tag);
    let own = if tag == Tag::Theme { &s.meta.themes } else { &s.meta.impacts };
    if items.is_empty() && own.is_empty() {
        return;
    }
    out.push(heading(2, if tag == Tag::Theme { w.themes_title } else { w.impacts_title }));
    if !own.is_empty() {
        out.push(Block::Lead(w.own_list.to_owned()));
    }
    for name in names(s, tag, &items) {
        out.push(heading(3, &name));
        let rows: Vec<Item> = items
            .iter()
            .filter(|i| i.2.contains(&name))
            .map(|(id, text, _)| item(lang.show_id(id), text.clone(), None))
            .collect();
        if rows.is_empty() {
            let none = if tag == Tag::Theme { w.no_items } else { w.no_actions };
            out.push(Block::Para(vec![none.to_owned()]));
            continue;
        }
        out.push(list(rows, "tags"));
    }
}

/// `--by-theme`: after the whole DAFO grid, one grid per theme that some
/// factor carries (`DAFO · empleo`), with only that theme's factors; as a
/// heading and the quadrants' lists when `lists` (plain text draws no grid).
pub fn by_theme(doc: &mut Document, s: &Session, lists: bool) {
    let Some(grid) = doc.blocks.iter().position(|b| matches!(b, Block::Grid(_))) else { return };
    let Block::Grid(whole) = doc.blocks[grid].clone() else { return };
    // Plain text shows the whole DAFO as its four lists: the themes' come after them.
    let threats = doc.lang.quadrant(crate::domain::Quadrant::Threats);
    let is_h2 = |b: &Block, text: Option<&str>| matches!(b, Block::Heading(h) if h.level == 2 && text.is_none_or(|t| h.text == t));
    let at = match doc.blocks.iter().position(|b| is_h2(b, Some(threats))) {
        Some(t) if lists => {
            doc.blocks.iter().skip(t + 1).position(|b| is_h2(b, None)).map_or(doc.blocks.len(), |n| t + 1 + n)
        }
        _ => grid + 1,
    };
    let w = doc.lang.text().keymap.themes;
    let items = tagged(s, Tag::Theme);
    let grids: Vec<Block> = names(s, Tag::Theme, &items)
        .into_iter()
        .filter_map(|name| {
            let mut g = whole.clone();
            g.title = (w.by_theme)(&name);
            for cell in g.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                let shown = |id: &str| {
                    s.factors(cell.quadrant).iter().any(|f| doc.lang.show_id(&f.id) == id && f.themes.contains(&name))
                };
                cell.items.retain(|e| shown(&e.id));
            }
            g.rows.iter().any(|r| r.cells.iter().any(|c| !c.items.is_empty())).then(|| as_blocks(g, lists))
        })
        .flatten()
        .collect();
    doc.blocks.splice(at..at, grids);
}

/// A theme's grid as blocks: the grid, or its heading and one list per quadrant.
fn as_blocks(g: super::doc::Grid, lists: bool) -> Vec<Block> {
    if !lists {
        return vec![Block::Grid(g)];
    }
    let mut out = vec![heading(2, &g.title)];
    for cell in g.rows.into_iter().flat_map(|r| r.cells).filter(|c| !c.items.is_empty()) {
        out.push(heading(3, &cell.title));
        let rows = cell.items.into_iter().map(|e| item(e.id, e.text, Some(e.note).filter(|n| !n.is_empty()))).collect();
        out.push(list(rows, "factors"));
    }
    out
}

/// An item with an ID, its text and maybe a note, nothing else.
fn item(id: String, text: String, note: Option<String>) -> Item {
    Item { id, text, pair: None, note, details: Vec::new(), cells: Vec::new(), marks: 0 }
}

/// A plain list of items (no columns) of `group`.
fn list(rows: Vec<Item>, group: &'static str) -> Block {
    Block::Items(Items { id_width: 8, text_label: String::new(), columns: Vec::new(), rows, shape: Shape::List, group })
}
