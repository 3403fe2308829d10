//! Least privilege, checked: the webview's capability grants exactly the app's commands and the
//! few plugin permissions the UI uses, and the security settings of the contract are in place.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::command_list::COMMANDS;

/// Plugin and core permissions the UI needs: events, its own title, closing itself after saving,
/// and the native open/save dialogs. Nothing for files, shells or the opener.
const PLUGIN_PERMISSIONS: &[&str] = &[
    "core:event:default",
    "core:window:allow-set-title",
    "core:window:allow-destroy",
    "dialog:allow-open",
    "dialog:allow-save",
];

/// The contract's Content Security Policy, word for word.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: asset: http://asset.localhost; font-src 'self'; connect-src ipc: http://ipc.localhost; \
frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("invalid JSON: {error}"))
}

#[test]
fn main_window_gets_exactly_the_app_commands_and_used_plugins() {
    let capability = json(include_str!("../capabilities/main.json"));
    assert_eq!(capability["identifier"], "main");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .unwrap_or_else(|| panic!("permissions must be a list"))
        .iter()
        .map(|p| p.as_str().unwrap_or_else(|| panic!("permission {p} must be a plain identifier")))
        .collect();
    let mut expected: Vec<String> = COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    expected.extend(PLUGIN_PERMISSIONS.iter().map(|p| (*p).to_owned()));
    assert_eq!(granted, expected, "capabilities/main.json must grant exactly these permissions, in this order");
    assert!(!capability.to_string().contains("fs:") && !capability.to_string().contains("shell:"));
    assert!(!capability.to_string().contains("opener:"));
}

#[test]
fn every_registered_command_is_in_the_command_list() {
    let source = include_str!("app.rs");
    let handler = source
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("app.rs must register its commands with generate_handler!"));
    let registered: Vec<&str> = handler
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.rsplit("::").next().unwrap_or(entry))
        .collect();
    assert_eq!(registered, COMMANDS, "generate_handler! and command_list.rs must list the same commands");
    assert_eq!(COMMANDS.iter().collect::<BTreeSet<_>>().len(), COMMANDS.len(), "no duplicates");
}

#[test]
fn config_keeps_the_contract_security_settings() {
    let config = json(include_str!("../tauri.conf.json"));
    let security = &config["app"]["security"];
    assert_eq!(security["csp"], CSP);
    assert_eq!(security["devCsp"], CSP, "dev must be as strict as release");
    assert_eq!(security["freezePrototype"], true);
    // Tauri would add a nonce to style-src whenever index.html has a <style>, which switches off
    // 'unsafe-inline' and with it CodeMirror's runtime styles; script-src keeps Tauri's nonces.
    assert_eq!(security["dangerousDisableAssetCspModification"], serde_json::json!(["style-src"]));
    assert_eq!(security["capabilities"], serde_json::json!(["main"]));
    assert_eq!(config["build"]["frontendDist"], "../ui/dist");
    assert_eq!(config["app"]["withGlobalTauri"], false);
    assert!(!CSP.contains("unsafe-eval") && !CSP.contains("https:"));
}
