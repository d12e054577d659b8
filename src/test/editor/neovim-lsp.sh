#!/usr/bin/env bash
# copydesk lsp in a real editor: Debian's Neovim (its built-in LSP client, headless) opens a
# Markdown draft, waits for copydesk's diagnostics, applies the quick fix on the typo
# "Presdient" as a writer would (the code action's edit, applied by Neovim), and checks the buffer;
# then adds a word to the dictionary from a second draft and waits for its diagnostic to go.
# .ci/run installs Neovim (apt-get install neovim) before running this. Exits 0 on success.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$(pwd)"
command -v nvim >/dev/null 2>&1 || { echo "neovim-lsp: nvim is not installed (apt-get install neovim)" >&2; exit 1; }

work="$(mktemp -d)"
server_pid_file="$work/server.pid"
cleanup() {
  # Neovim stops its client on exit and the server watches Neovim's process, but a test must not
  # leave a server behind whatever happened: the one this test started is ended by its id.
  if [ -s "$server_pid_file" ]; then
    kill "$(cat "$server_pid_file")" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/drafts"
cp fixtures/envoy-visit.md "$work/drafts/envoy-visit.md"
printf 'The council adopted the zorblat plan on Monday.\n' > "$work/drafts/council.md"
printf 'rules:\n  unattributed-claim: on\n' > "$work/drafts/.copydesk.yml"

cat > "$work/test.lua" <<'LUA'
local root, work = os.getenv("COPYDESK_ROOT"), os.getenv("COPYDESK_WORK")
local log = io.open(work .. "/result.txt", "w")
local function say(line) log:write(line .. "\n"); log:flush() end
local function fail(why) say("FAIL: " .. why); log:close(); vim.cmd("cquit 1") end

local client_id = vim.lsp.start_client({
  name = "copydesk",
  cmd = { "sh", "-c", "echo $$ > " .. work .. "/server.pid; exec " .. root .. "/copydesk lsp --cache-dir " .. work .. "/cache" },
  root_dir = work .. "/drafts",
  on_exit = function(code) say("server exited with " .. tostring(code)) end,
})
if not client_id then fail("the client did not start") end

local function codes(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    found[d.code or lsp.code or "?"] = d
  end
  return found
end

local function open(path)
  vim.cmd("edit " .. path)
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr
end

local draft = open(work .. "/drafts/envoy-visit.md")
say("filetype " .. vim.bo[draft].filetype)
-- The first check loads LanguageTool: seconds, not minutes.
if not vim.wait(120000, function() return codes(draft)["spelling"] ~= nil and codes(draft)["promo-block"] ~= nil end, 100) then
  fail("no spelling and promo-block diagnostics within 120 s")
end
local found = codes(draft)
for _, code in ipairs({ "spelling", "duplicated-word", "unattributed-claim", "promo-block" }) do
  if not found[code] then fail("no " .. code .. " diagnostic") end
  say("diagnostic " .. code .. " on line " .. (found[code].lnum + 1))
end

-- The quick fix on the typo, as `:lua vim.lsp.buf.code_action()` would offer it.
local typo = found["spelling"]
local params = {
  textDocument = vim.lsp.util.make_text_document_params(draft),
  range = { start = { line = typo.lnum, character = typo.col }, ["end"] = { line = typo.end_lnum, character = typo.end_col } },
  -- As vim.lsp.buf.code_action() sends them: the line's diagnostics, converted back to the protocol's.
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(draft, typo.lnum) },
}
local answers, request_error = vim.lsp.buf_request_sync(draft, "textDocument/codeAction", params, 10000)
if not answers then fail("no answer to the code action request: " .. tostring(request_error)) end
for _, answer in pairs(answers) do
  if answer.error then fail("the code action request failed: " .. vim.inspect(answer.error):sub(1, 500)) end
end
local fix
for _, answer in pairs(answers or {}) do
  for _, action in ipairs(answer.result or {}) do
    say("action: " .. action.title)
    if action.title == "Replace with 'President'" then fix = action end
  end
end
if not fix then fail("no 'Replace with President' action") end
vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
local line = vim.api.nvim_buf_get_lines(draft, typo.lnum, typo.lnum + 1, false)[1]
say("line after the fix: " .. line)
if not line:find("The Portuguese President has said", 1, true) then fail("the buffer does not hold the fix") end
if table.concat(vim.api.nvim_buf_get_lines(draft, 0, -1, false), "\n"):find("Presdient", 1, true) then fail("the typo is still in the buffer") end
-- The edit reaches the server as a change; the new diagnostics have no typo.
if not vim.wait(10000, function() return codes(draft)["spelling"] == nil end, 50) then
  fail("the spelling diagnostic did not go after the fix")
end
say("spelling diagnostic gone after the fix")

-- "Add to the dictionary", carried out by the server, clears the word's diagnostic.
local council = open(work .. "/drafts/council.md")
if not vim.wait(30000, function() return codes(council)["spelling"] ~= nil end, 100) then
  fail("no spelling diagnostic on 'zorblat'")
end
local unknown = codes(council)["spelling"]
answers = vim.lsp.buf_request_sync(council, "textDocument/codeAction", {
  textDocument = vim.lsp.util.make_text_document_params(council),
  range = { start = { line = unknown.lnum, character = unknown.col }, ["end"] = { line = unknown.end_lnum, character = unknown.end_col } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(council, unknown.lnum) },
}, 10000)
local add
for _, answer in pairs(answers or {}) do
  for _, action in ipairs(answer.result or {}) do
    if action.title == "Add 'zorblat' to the dictionary" then add = action end
  end
end
if not add then fail("no add-to-dictionary action") end
local done = vim.lsp.buf_request_sync(council, "workspace/executeCommand", add.command, 10000)
if not done then fail("the command got no answer") end
if not vim.wait(10000, function() return codes(council)["spelling"] == nil end, 50) then
  fail("the word's diagnostic did not go after adding it to the dictionary")
end
say("zorblat accepted after add-to-dictionary")
say("PASS")
log:close()
vim.cmd("qa!")
LUA

status=0
COPYDESK_ROOT="$root" COPYDESK_WORK="$work" timeout 300 \
  nvim --headless --clean -n -i NONE "+luafile $work/test.lua" </dev/null >"$work/nvim.out" 2>&1 || status=$?
cat "$work/result.txt" 2>/dev/null || true
if [ "$status" -ne 0 ] || ! grep -qx PASS "$work/result.txt" 2>/dev/null; then
  echo "neovim-lsp: failed (nvim exit $status)" >&2
  cat "$work/nvim.out" >&2 || true
  exit 1
fi
grep -qx zorblat "$work/drafts/.copydesk-dictionary.txt" || { echo "neovim-lsp: the dictionary file does not hold the word" >&2; exit 1; }
echo "neovim-lsp: passed (Neovim $(nvim --version | sed -n 1p))"
