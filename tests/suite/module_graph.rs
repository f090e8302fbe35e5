//! No import circles between modules. The compiler already refuses the core crate
//! any arrow to the screen, the command line or the database (it does not depend on
//! them); inside a crate it allows circles, so this test looks for them: every
//! `crate::…` and `super::…` path in the source (use lists and inline paths, test
//! code left out) is an arrow from the module it is written in to the module it
//! names, and for every module, its child modules must not reach each other in a
//! circle (directly or through other children).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

fn modules(root: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .expect("below root")
                .with_extension("");
            let mut module: Module = rel.iter().map(|p| p.to_string_lossy().into()).collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let name = module.last().cloned().unwrap_or_default();
            if module == ["main"] || name == "tests" || name.ends_with("_tests") {
                continue;
            }
            if name == "test_support" {
                continue;
            }
            out.insert(module, std::fs::read_to_string(&path).expect("source"));
        }
    }
    out
}

/// The source without comments and without an inline test module at its end.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands the path tree starting at `text[i..]` (`a::b::{c, d::{e}}`, or a bare
/// `{a, b::c}`) into paths.
fn expand(text: &[u8], mut i: usize) -> (Vec<Module>, usize) {
    let mut segments: Module = Vec::new();
    loop {
        if text[i..].starts_with(b"{") {
            i += 1;
            let mut paths = Vec::new();
            while i < text.len() && text[i] != b'}' {
                if b" \n\t,".contains(&text[i]) {
                    i += 1;
                    continue;
                }
                let (inner, next) = expand(text, i);
                paths.extend(inner.into_iter().map(|p| [segments.clone(), p].concat()));
                i = next.max(i + 1);
            }
            return (paths, i + 1);
        }
        let start = i;
        while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == b'_') {
            i += 1;
        }
        if i == start {
            return (vec![segments], i);
        }
        segments.push(String::from_utf8_lossy(&text[start..i]).into());
        if !text[i..].starts_with(b"::") {
            return (vec![segments], i);
        }
        i += 2;
    }
}

/// Every module a module's code names, as full paths from the crate root.
fn references(module: &Module, text: &str) -> Vec<Module> {
    let code = code(text);
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for (at, _) in code.match_indices("::") {
        let word_start = bytes[..at]
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
            .map_or(0, |p| p + 1);
        if word_start > 0 && bytes[word_start - 1] == b':' {
            continue;
        }
        let mut base: Module = match &code[word_start..at] {
            "crate" => Vec::new(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            _ => continue,
        };
        let mut i = at + 2;
        while code[i..].starts_with("super::") {
            base.pop();
            i += "super::".len();
        }
        let (paths, _) = expand(bytes, i);
        out.extend(paths.into_iter().map(|p| [base.clone(), p].concat()));
    }
    out
}

/// The circles among the children of every module: (parent, children in the circle).
fn circles(root: &Path) -> Vec<(String, Vec<String>)> {
    let modules = modules(root);
    let mut arrows: BTreeSet<(Module, Module)> = BTreeSet::new();
    for (module, text) in &modules {
        for path in references(module, text) {
            let target = (1..=path.len())
                .rev()
                .map(|k| path[..k].to_vec())
                .find(|prefix| modules.contains_key(prefix));
            if let Some(target) = target.filter(|t| t != module) {
                arrows.insert((module.clone(), target));
            }
        }
    }
    let parents: BTreeSet<Module> = modules
        .keys()
        .filter(|m| !m.is_empty())
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    let mut found = Vec::new();
    for parent in parents {
        let n = parent.len();
        let child = |m: &Module| (m.len() > n && m[..n] == parent[..]).then(|| m[n].clone());
        let mut reach: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in &arrows {
            if let (Some(a), Some(b)) = (child(from), child(to))
                && a != b
            {
                reach.entry(a).or_default().insert(b);
            }
        }
        // Transitive closure: small graphs, a few dozen children at most.
        loop {
            let mut grew = false;
            let snapshot = reach.clone();
            for targets in reach.values_mut() {
                for t in targets.clone() {
                    for further in snapshot.get(&t).into_iter().flatten() {
                        grew |= targets.insert(further.clone());
                    }
                }
            }
            if !grew {
                break;
            }
        }
        let mut seen = BTreeSet::new();
        for (a, targets) in &reach {
            if seen.contains(a) || !targets.contains(a) {
                continue;
            }
            let circle: Vec<String> = targets
                .iter()
                .filter(|b| reach.get(*b).is_some_and(|t| t.contains(a)))
                .cloned()
                .collect();
            seen.extend(circle.iter().cloned());
            found.push((parent.join("::"), circle));
        }
    }
    found
}

fn check(root: &str) -> Vec<(String, Vec<String>)> {
    circles(&Path::new(env!("CARGO_MANIFEST_DIR")).join(root))
}

#[test]
fn the_core_crate_has_no_import_circle() {
    assert_eq!(check("crates/telraam-core/src"), Vec::new());
}

#[test]
fn the_app_crate_has_no_import_circle() {
    assert_eq!(check("src"), Vec::new());
}

#[test]
fn a_circle_is_found_where_there_is_one() {
    // The check itself: two sibling modules naming each other are a circle.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.rs"), "use crate::b::B;\npub struct A;\n").unwrap();
    std::fs::write(
        dir.path().join("b.rs"),
        "use super::{a::A, c};\npub struct B;\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("c.rs"), "pub struct C;\n").unwrap();
    assert_eq!(
        circles(dir.path()),
        vec![(String::new(), vec!["a".to_string(), "b".to_string()])]
    );
}
