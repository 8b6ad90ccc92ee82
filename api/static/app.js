/* PolicyKG web page: hash-routed views over the JSON API. Vanilla JS, no build step, no network beyond this origin. */
"use strict";

(function () {
  // ------------------------------------------------------------------ UI strings (zh / en)
  const STRINGS = {
    zh: {
      skip: "跳到主要内容", tagline: "政策知识图谱与语义检索", nav: "主导航",
      nav_search: "检索", nav_departments: "部门职责", nav_enterprise: "企业匹配",
      footer: "数据来自已导入的政策文件；“推断”表示由规则推得，附证据。",
      lang_button: "EN", lang_label: "Switch to English",
      doc_replaces: "废止或替代", doc_replaced_by: "被以下文件替代", doc_cites: "引用", doc_cited_by: "被以下文件引用",
      search_title: "政策检索", search_label: "输入问题或关键词", search_placeholder: "例如：想用工业机器人改造生产线",
      search_button: "检索", kind_label: "类型", kind_all: "全部类型",
      function_label: "作用", function_all: "全部作用", doc_label: "文件", doc_all: "全部文件", year_label: "年份",
      jurisdiction_label: "地区", jurisdiction_all: "全部地区", genre_label: "文种", genre_all: "全部文种", facets: "按结果筛选：",
      facets_over: (n) => `（统计前 ${n} 个候选条目，不只本页）`,
      rank_title: (score) => `按相关度排序的名次（融合检索得分 ${score}，越高越相关，只在同一次检索内可比）`,
      download: "下载结果：", download_csv: "CSV", download_xlsx: "Excel (XLSX)", long_question: "问题较长，已用 POST 提交。",
      examples: "试试（来自已导入的文件）：",
      searching: "正在检索…", no_hits: "没有找到相关内容。", hits: (n, ms) => `共 ${n} 条结果（${ms} 毫秒）`,
      task: "所属任务", departments: "责任部门", targets: "量化指标", concepts: "概念", sections: "章节",
      inferred: "推断", explicit: "明示", evidence: "证据", rule: "推断规则", open_unit: "查看详情",
      kinds: { measure: "具体举措", safeguard: "保障措施", target: "量化指标", goal: "主要目标", principle: "基本原则",
               guideline: "指导思想", task: "重点任务", chapter: "章", section: "节", item: "条目", article: "条款",
               preamble: "序言", closing: "结语", annex: "附件", task_row: "任务分解表行", paragraph: "段", notice: "通知",
               department: "部门", concept: "概念", document: "文件", responsibility: "职责", citation: "引用文件" },
      roles: { lead: "牵头", participant: "参加/配合", convener: "召集", coordinator: "协调指导",
               evaluator: "评估", supervisor: "督查", implementer: "组织实施" },
      indicator: "指标", quantity: "数值", unit_m: "单位", deadline: "时限", text: "原文",
      unit_title: "条目详情", path: "编号路径", parent: "上级", children: "下级", span: "原文位置",
      responsibilities: "职责分工", citations: "引用文件", graph: "关联图谱", graph_hint: "点击节点跳转；悬停显示名称。",
      document: "文件", none: "无", loading: "加载中…",
      dept_title: "部门职责", dept_filter: "筛选部门（支持简称，如 市经信委）", dept_open: "打开",
      dept_pick: "请选择一个部门。", dept_hint: "问题提到的部门及其职责：", aliases: "简称", leads: "牵头", takes_part: "参与",
      named_h: "文件提及、未赋予职责", candidate_note: "图谱中没有这一机构：文件提及这一名称，但没有赋予它职责。", chars: "字符",
      explicit_h: "明示职责（原文写明）", inferred_h: "推断职责（由规则推得）", members: "成员单位",
      ent_title: "企业政策匹配", industry: "所属行业", plans: "项目/需求（每行一项）", size: "企业规模",
      needs: "需求说明", needs_ph: "例如：想把焊装车间换成焊接机器人，能拿到哪些支持、多少钱？", place: "所在地",
      place_ph: "例如：上海市嘉定区", industry_code: "行业代码（GB/T 4754）", employees: "从业人数",
      revenue: "上年营业收入（万元）", founded: "成立年份", insured_staff: "参保人数", years_insured: "参保年限（年）",
      premiums: "上年度失业保险费（元）", wage_bill: "上年度工资总额（元）", age: "年龄（个人）",
      status: "人员类别（个人）", status_ph: "例如：高校毕业生、失业青年", today: "参照日期", more_fields: "更多信息（可选）",
      verdict: "资格", amount: "金额", other_tiers: "同句其他档次（按情形）", by_case: "按情形分别为", expired: "已过期", fill_in: "请填写",
      to_confirm: "待核实", eligible_checked: "符合已核对的条件",
      verdicts: { eligible: "符合条件", not_eligible: "不符合条件", unknown: "待补充信息" }, doc_support: "文件配套支持",
      district: "所在区", size_any: "不限", match_button: "匹配政策",
      industry_ph: "例如：汽车零部件制造", plans_ph: "例如：\n采购工业机器人改造生产线\n申请贷款",
      district_ph: "例如：嘉定区", matching: "正在匹配…",
      measures_h: "适用的举措", instruments_h: "可用的支持工具（保障措施）", reason: "理由", safeguard: "保障措施",
      no_measures: "没有匹配的举措。", error: "出错了：",
      home_h: "已导入的政策文件", home_docs: (n) => `共 ${n} 份文件`, period: "时期",
      counts: (d) => `${d.units} 个条目 · ${d.targets} 项指标 · ${d.responsibilities} 条职责`,
      home_empty: "尚未导入任何文件。", filtered_out: (f) => `在筛选条件（${f}）内没有结果：没有已导入的文件符合这些条件，或其中没有回答这个问题的条目。去掉一个筛选条件即可检索全部文件。`,
      not_relevant: "已导入的文件中没有直接回答这个问题的内容。以下是最接近的条目，仅供参考：",
      nearest: "最接近", source_h: "在原文中的位置", inferred_by_rule: "按规则推断",
      owners_from: (path, heading) => `原文为上级条目 ${path} ${heading} 写明的分工：`,
      errors: { not_found: "没有找到所请求的内容。", ambiguous_name: "这个名称对应多个部门：请用全称，或先选定文件。", invalid_input: "输入有误，请检查后重试。", invalid_query: "问题无法检索，请换个说法。",
                query_too_long: "问题太长（最多 1000 字）。", uri_too_long: "问题太长，无法放进网址：请用 POST 提交（本页会自动这样做）。", unavailable: "数据暂时不可用，请稍后再试。", payload_too_large: "提交的内容太多。",
                network: "无法连接服务器。", other: "请求失败。" }, error_detail: "详情",
      no_instruments: "没有适合该企业的支持工具（计划未提到资金、税收、融资、用地或审批，规模与行业也未对应）。",
      nothing_fits: "已导入的文件中没有适合该企业的举措或支持。", contacts: "联系", no_owner: "原文未写明责任单位",
      scope_document: "全文督查/评估单位", district_office: "所在区政府", supports: "支持额度与条件",
      support_kinds: { subsidy: "补助", reward: "奖励", "loan-interest": "贴息", tax: "税收", land: "用地",
                       threshold: "门槛", "time-limit": "时限", other: "其他" },
      rate_of: (base, rate) => `按${base || ""}的${rate}%`, cap: (v, u) => `最高${v}${u}`,
      sizes: { "": "不限", "小微企业": "小微企业", "中小企业": "中小企业", "中型企业": "中型企业", "规模以上": "规模以上企业", "大型企业": "大型企业" },
    },
    en: {
      skip: "Skip to main content", tagline: "Knowledge graph and semantic search over Chinese policy", nav: "Main",
      nav_search: "Search", nav_departments: "Departments", nav_enterprise: "Enterprise match",
      footer: "Data from the ingested policy documents; “inferred” facts come from a rule and carry their evidence.",
      lang_button: "中文", lang_label: "切换到中文",
      doc_replaces: "Replaces (repeals)", doc_replaced_by: "Replaced by", doc_cites: "Cites", doc_cited_by: "Cited by",
      search_title: "Policy search", search_label: "Ask a question or type keywords",
      search_placeholder: "e.g. upgrade a production line with industrial robots",
      search_button: "Search", kind_label: "Kind", kind_all: "All kinds",
      function_label: "Does", function_all: "Any function", doc_label: "Document", doc_all: "All documents", year_label: "Year",
      jurisdiction_label: "Jurisdiction", jurisdiction_all: "All jurisdictions", genre_label: "Genre", genre_all: "All genres", facets: "Narrow by: ",
      facets_over: (n) => ` (counted over the ${n} best candidates, not only this page)`,
      rank_title: (score) => `Rank by relevance (fused search score ${score}: higher is more relevant, comparable only within one search)`,
      download: "Download: ", download_csv: "CSV", download_xlsx: "Excel (XLSX)", long_question: "A long question: sent with POST.",
      examples: "Try (from the loaded documents): ",
      searching: "Searching…", no_hits: "Nothing found.", hits: (n, ms) => `${n} results (${ms} ms)`,
      task: "Task", departments: "Departments", targets: "Targets", concepts: "Concepts", sections: "Sections",
      inferred: "inferred", explicit: "explicit", evidence: "Evidence", rule: "Rule", open_unit: "Details",
      kinds: { measure: "measure", safeguard: "safeguard", target: "target", goal: "goal", principle: "principle",
               guideline: "guideline", task: "task", chapter: "chapter", section: "section", item: "item", article: "article",
               preamble: "preamble", closing: "closing", annex: "annex", task_row: "task-table row",
               paragraph: "paragraph", notice: "notice", department: "department", concept: "concept", document: "document", responsibility: "responsibility",
               citation: "cited document" },
      roles: { lead: "lead", participant: "participant", convener: "convener", coordinator: "coordinator",
               evaluator: "evaluator", supervisor: "supervisor", implementer: "implementer" },
      indicator: "Indicator", quantity: "Value", unit_m: "Unit", deadline: "Deadline", text: "Text",
      unit_title: "Unit", path: "Path", parent: "Parent", children: "Children", span: "Source span",
      responsibilities: "Responsibilities", citations: "Cited documents", graph: "Graph neighbourhood",
      graph_hint: "Click a node to open it; hover to see its name.",
      document: "Document", none: "none", loading: "Loading…",
      dept_title: "Departments", dept_filter: "Filter departments (aliases work, e.g. 市经信委)", dept_open: "Open",
      dept_pick: "Pick a department.", dept_hint: "Departments the question names, with their duties:", aliases: "Aliases", leads: "Leads", takes_part: "Takes part in",
      named_h: "Named, given no duty", candidate_note: "No body in the graph: the documents name it but give it no duty.", chars: "characters",
      explicit_h: "Explicit (stated by the text)", inferred_h: "Inferred (derived by a rule)", members: "Members",
      ent_title: "Enterprise policy match", industry: "Industry", plans: "Projects or needs (one per line)", size: "Size",
      needs: "What you need", needs_ph: "e.g. we want welding robots in the body shop: what support, and how much?",
      place: "Place", place_ph: "e.g. Jiading, Shanghai", industry_code: "Industry code (GB/T 4754)", employees: "Employees",
      revenue: "Revenue last year (10k yuan)", founded: "Year founded", insured_staff: "Insured staff",
      years_insured: "Years insured", premiums: "Unemployment premiums last year (yuan)", wage_bill: "Wage bill last year (yuan)",
      age: "Age (a person)", status: "Status (a person)", status_ph: "e.g. graduate, unemployed", today: "Reference date",
      more_fields: "More about you (optional)", verdict: "Verdict", amount: "Amount", other_tiers: "Other tiers of the same sentence (by case)", by_case: "one of, by case:", expired: "Expired", fill_in: "fill in",
      to_confirm: "To confirm", eligible_checked: "eligible on the conditions checked",
      verdicts: { eligible: "eligible", not_eligible: "not eligible", unknown: "unknown" }, doc_support: "The document's support",
      district: "District", size_any: "Any", match_button: "Match",
      industry_ph: "e.g. auto parts manufacturing", plans_ph: "e.g.\nbuy industrial robots for the production line\napply for a renovation loan",
      district_ph: "e.g. 嘉定区", matching: "Matching…",
      measures_h: "Measures that fit", instruments_h: "Support instruments (safeguard measures)", reason: "Why",
      safeguard: "Safeguard", no_measures: "No measures fit.", error: "Error: ",
      home_h: "Loaded policy documents", home_docs: (n) => `${n} document(s)`, period: "Period",
      counts: (d) => `${d.units} units · ${d.targets} targets · ${d.responsibilities} responsibilities`,
      home_empty: "No document has been ingested yet.",
      not_relevant: "Nothing in the loaded documents answers this question. The nearest units, for reference only:",
      filtered_out: (f) => `No result within the filters (${f}): no loaded document matches them, or none of its units answers. Clear a filter to search every document.`,
      nearest: "nearest", source_h: "In its document", inferred_by_rule: "inferred by rule",
      owners_from: (path, heading) => `as the text states for the enclosing unit ${path} ${heading}:`,
      errors: { not_found: "Not found.", ambiguous_name: "This name is shared by several bodies: use the full name, or choose a document first.", invalid_input: "Invalid input; check it and try again.", invalid_query: "This question cannot be searched; try other words.",
                query_too_long: "The question is too long (1,000 characters at most).",
                uri_too_long: "The question is too long for a URL: send it with POST (this page does so itself).", unavailable: "The data is not available right now; try again later.",
                payload_too_large: "Too much was sent.", network: "Cannot reach the server.", other: "The request failed." }, error_detail: "Details",
      no_instruments: "No support instrument fits this enterprise (the plans name no funds, tax, financing, land or approvals, and neither size nor industry points to one).",
      nothing_fits: "Nothing in the loaded documents fits this enterprise.", contacts: "Contact",
      no_owner: "the text names no owner", scope_document: "supervises/evaluates the whole document",
      district_office: "District government", supports: "Amounts and conditions",
      support_kinds: { subsidy: "subsidy", reward: "reward", "loan-interest": "interest subsidy", tax: "tax", land: "land",
                       threshold: "threshold", "time-limit": "time limit", other: "other" },
      rate_of: (base, rate) => `${rate}% of ${base || "the base"}`, cap: (v, u) => `up to ${v} ${u}`,
      sizes: { "": "Any", "小微企业": "Micro / small", "中小企业": "SME", "中型企业": "Medium", "规模以上": "Above designated size", "大型企业": "Large" },
    },
  };
  const UNIT_KINDS = ["measure", "safeguard", "target", "goal", "principle", "guideline"];
  let lang = localStorage.getItem("policykg.lang") === "en" ? "en" : "zh";
  const t = (key) => STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  // Role, rule, function and kind labels from the ontology (GET /labels), the page's own strings until they arrive.
  let LABELS = { roles: {}, rules: {}, functions: {}, kinds: {} };
  const labelsReady = fetch("/labels").then((response) => (response.ok ? response.json() : null))
    .then((data) => { if (data) LABELS = Object.assign(LABELS, data); }).catch(() => {});
  const kindName = (k) => t("kinds")[k] || ((LABELS.kinds || {})[k] || {})[lang] || k || "";
  const functionName = (f) => ((LABELS.functions || {})[f] || {})[lang] || f || "";
  // The loaded documents (GET /documents), read once: the cards name them, the filters list them.
  let docsPromise = null;
  const loadDocs = () => (docsPromise = docsPromise || api("/documents").then((d) => d.items || []).catch(() => { docsPromise = null; return []; }));
  let DOCS = new Map();
  /** A document's year: issued, else its period's first year, else the year in its number (国办发〔1996〕2号). */
  const docYear = (d) => {
    for (const [text, re] of [[d.issued, /^(\d{4})/], [d.period, /(\d{4})/], [d.identifier, /[〔\[(（](\d{4})/]]) {
      const m = (text || "").match(re);
      if (m) return m[1];
    }
    return "";
  };
  /** A short title: what follows 关于 (国务院办公厅转发…关于X的通知 → X的通知), at most 28 characters. */
  const shortTitle = (d) => {
    const title = lang === "en" && d.title_en ? d.title_en : d.title;  // a title is never empty (the file's name at worst)
    const cut = lang === "en" ? title : (title.includes("关于") ? title.slice(title.indexOf("关于") + 2) : title);
    return [...cut].length > 28 ? [...cut].slice(0, 27).join("") + "…" : cut;
  };
  const roleName = (r) => String(r || "").split(",").map((x) => (LABELS.roles[x] || {})[lang] || t("roles")[x] || x).join("、");
  const ruleName = (r) => (LABELS.rules[r] || {})[lang] || (lang === "zh" ? t("inferred_by_rule") : r);

  // ------------------------------------------------------------------ DOM helpers
  const main = document.getElementById("main");
  const live = document.getElementById("live");

  /** el("div", {class: "x", onclick: f}, child, "text", …) — children are nodes or text, never HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const svgEl = (tag, attrs) => {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  };
  function announce(text) { live.textContent = text; }
  /** Replace a node's children, skipping the absent ones (replaceChildren would print null as text). */
  function put(node, ...kids) { node.replaceChildren(...kids.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false)); }
  function render(...nodes) { put(main, ...nodes); }

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
      const err = new Error(message);
      err.status = response.status;
      err.body = body;
      throw err;
    }
    await labelsReady;  // whatever draws this answer names roles, functions and kinds in the page's language
    return body;
  }
  /** An error in the page's language (by the API's error code); the API's own message folded under 详情/Details. */
  function errorBox(e) {
    const code = (e.body && e.body.error && e.body.error.code) || (e.status === 503 ? "unavailable" : e.status ? "other" : "network");
    const known = t("errors");
    const text = known[code] || known[e.status === 413 ? "payload_too_large" : e.status === 414 ? "uri_too_long" : "other"];
    // the API's own message (English) shown under the page's words: what went wrong and what is accepted
    return el("div", { class: "error", role: "alert", "data-code": code, "data-status": e.status || "" }, el("p", {}, t("error"), text),
      e.message ? el("p", { class: "meta api-message", lang: "en" }, `${t("error_detail")}：${e.status ? `HTTP ${e.status} · ` : ""}${e.message}`) : null);
  }

  // Hash routes: #/search?q=…&kind=…, #/unit/<id>, #/departments[/<name>], #/enterprise
  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const [pathPart, query = ""] = raw.split("?");
    const segments = pathPart.split("/").map((s) => { try { return decodeURIComponent(s); } catch (_) { return s; } });
    return { view: segments[0] || "search", arg: segments.slice(1).join("/"), params: new URLSearchParams(query) };
  }
  const unitHref = (id) => "#/unit/" + encodeURIComponent(id);
  const deptHref = (name) => "#/departments/" + encodeURIComponent(name);

  // ------------------------------------------------------------------ shared pieces
  function highlighted(text, highlights) {
    const spans = (highlights || []).filter((h) => h.end > h.start && h.start >= 0 && h.end <= text.length)
      .sort((a, b) => a.start - b.start);
    const out = [];
    let at = 0;
    for (const h of spans) {
      if (h.start < at) continue; // overlapping highlight: keep the first
      out.push(text.slice(at, h.start), el("mark", {}, text.slice(h.start, h.end)));
      at = h.end;
    }
    out.push(text.slice(at));
    return out;
  }

  function evidenceDetails(r) {
    const evidence = r.evidence || "";
    const rule = r.rule || "";
    if (!evidence && !rule) return null;
    return el("details", { class: "evidence" },
      el("summary", {}, t("evidence")),
      rule ? el("p", {}, el("strong", {}, t("rule"), "："), ruleName(rule)) : null,
      evidence ? el("p", {}, evidence) : null,
      // where the sentence is in the stored text: the citation in full
      evidence && r.end ? el("p", { class: "meta evidence-span" }, `${t("chars")} [${r.start}, ${r.end})`) : null);
  }

  function departmentChip(d) {
    const basis = d.basis === "inferred" ? "inferred" : "explicit";
    return el("li", { class: `chip ${basis}`, title: d.evidence ? `${t(basis)} · ${d.evidence}` : t(basis) },
      el("a", { href: deptHref(d.agent_name) }, d.agent_name),
      " · ", roleName(d.role),
      basis === "inferred" ? el("span", { class: "badge inferred" }, t("inferred")) : null);
  }

  function formatQuantity(tg) {
    const q = tg.quantity;
    const qMax = tg.quantity_max;
    return `${tg.comparator && tg.comparator !== "=" ? tg.comparator + " " : ""}${q}${qMax !== null && qMax !== undefined ? "–" + qMax : ""}`;
  }

  function targetTable(targets) {
    if (!targets || !targets.length) return null;
    return el("table", { class: "data" },
      el("thead", {}, el("tr", {}, [t("indicator"), t("quantity"), t("unit_m"), t("deadline")].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, targets.map((tg) => el("tr", {},
        el("td", {}, tg.indicator), el("td", {}, formatQuantity(tg)), el("td", {}, tg.unit),
        el("td", {}, tg.deadline || "", tg.deadline_basis === "inferred" ? el("span", { class: "badge inferred", title: t("inferred") }, t("inferred")) : null)))));
  }

  // ------------------------------------------------------------------ search view
  const FILTERS = ["kind", "function", "doc", "year", "jurisdiction", "genre"];
  const MAX_GET_QUERY = 1500; // encoded bytes: longer questions are POSTed (the server refuses query strings over 8 kB)

  /** Search: GET for short questions, POST /search with a JSON body for long ones; format json | csv | xlsx. */
  function searchRequest(q, filters, format) {
    const body = { q, k: 10 };
    for (const key of FILTERS) if (filters[key]) body[key] = key === "year" ? Number(filters[key]) : filters[key];
    const sp = new URLSearchParams(Object.assign({ q, k: "10" }, Object.fromEntries(FILTERS.filter((k) => filters[k]).map((k) => [k, filters[k]]))));
    if (format && format !== "json") { body.format = format; sp.set("format", format); }
    else { body.facets = true; sp.set("facets", "true"); }  // the counts by document, kind … come from the API
    const post = sp.toString().length > MAX_GET_QUERY;
    return post ? { post, url: "/search", options: { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) } }
      : { post, url: "/search?" + sp.toString(), options: {} };
  }

  /** Fetch a CSV/XLSX answer and hand it to the browser as a download (the file name the API gives). */
  async function download(url, options, fallbackName) {
    const response = await fetch(url, options || {});
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch (_) { body = null; }
      const err = new Error(body && body.error ? body.error.message : `HTTP ${response.status}`);
      err.status = response.status; err.body = body;
      throw err;
    }
    const blob = await response.blob();
    const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
    const a = el("a", { href: URL.createObjectURL(blob), download: named ? named[1] : fallbackName, hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function downloadButtons(id, fetchFor, errorBoxHolder) {
    return el("p", { class: "downloads", id }, t("download"), ["csv", "xlsx"].map((fmt) => el("button", {
      type: "button", class: "download", "data-format": fmt,
      onclick: () => fetchFor(fmt).catch((e) => errorBoxHolder.prepend(errorBox(e))) }, t(`download_${fmt}`))));
  }

  function searchView(params) {
    const q = params.get("q") || "";
    const chosen = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
    const input = el("input", { type: "search", id: "q", name: "q", value: q, placeholder: t("search_placeholder"),
      autocomplete: "off", required: true, maxlength: 1000 });
    const select = (id, allKey, values, name) => el("select", { id, name: id },
      el("option", { value: "" }, t(allKey)), values.map((v) => el("option", { value: v, selected: v === chosen[id] }, name(v))));
    const kindSelect = select("kind", "kind_all", Object.keys(LABELS.kinds || {}).length ? Object.keys(LABELS.kinds) : Object.keys(t("kinds")).slice(0, 17), kindName);
    const functionSelect = select("function", "function_all", Object.keys(LABELS.functions || {}), functionName);
    const docSelect = select("doc", "doc_all", chosen.doc ? [chosen.doc] : [], (slug) => slug);
    const jurisdictionSelect = select("jurisdiction", "jurisdiction_all", chosen.jurisdiction ? [chosen.jurisdiction] : [], (j) => j);
    const genreSelect = select("genre", "genre_all", chosen.genre ? [chosen.genre] : [], (g) => g);
    const yearInput = el("input", { type: "number", id: "year", name: "year", min: 1949, max: 2100, value: chosen.year, inputmode: "numeric" });
    const filterValues = () => ({ kind: kindSelect.value, function: functionSelect.value, doc: docSelect.value, year: yearInput.value.trim(), jurisdiction: jurisdictionSelect.value, genre: genreSelect.value });
    const go = (question, filters) => {
      const sp = new URLSearchParams({ q: question });
      for (const [k, v] of Object.entries(filters || filterValues())) if (v) sp.set(k, v);
      location.hash = "#/search?" + sp.toString();
    };
    const field = (id, labelKey, control) => el("div", { class: "filter" }, el("label", { for: id }, t(labelKey)), control);
    const form = el("form", { class: "search", role: "search", onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) go(input.value.trim()); } },
      el("div", { class: "q" }, el("label", { for: "q" }, t("search_label")), input),
      el("button", { class: "primary", type: "submit" }, t("search_button")),
      el("div", { class: "filters" }, field("kind", "kind_label", kindSelect), field("function", "function_label", functionSelect),
        field("doc", "doc_label", docSelect), field("year", "year_label", yearInput), field("jurisdiction", "jurisdiction_label", jurisdictionSelect),
        field("genre", "genre_label", genreSelect)));
    const examples = el("p", { class: "examples", id: "examples" });
    const results = el("section", { id: "results", "aria-label": t("search_title") });
    render(el("h1", {}, t("search_title")), form, examples, results);
    // the filters' choices: kinds and functions from /labels, documents and jurisdictions from /documents
    labelsReady.then(() => {
      put(kindSelect, el("option", { value: "" }, t("kind_all")), Object.keys(LABELS.kinds || {}).map((k) => el("option", { value: k, selected: k === chosen.kind }, kindName(k))));
      put(functionSelect, el("option", { value: "" }, t("function_all")), Object.keys(LABELS.functions || {}).map((f) => el("option", { value: f, selected: f === chosen.function }, functionName(f))));
    });
    loadDocs().then((docs) => {
      DOCS = new Map(docs.map((d) => [d.slug, d]));
      put(docSelect, el("option", { value: "" }, t("doc_all")), docs.map((d) => el("option", { value: d.slug, selected: d.slug === chosen.doc, title: d.title },
        `${shortTitle(d)}${docYear(d) ? `（${docYear(d)}）` : ""}`)));
      const places = [...new Set(docs.map((d) => d.jurisdiction).filter(Boolean))].sort();
      put(jurisdictionSelect, el("option", { value: "" }, t("jurisdiction_all")), places.map((j) => el("option", { value: j, selected: j === chosen.jurisdiction }, j)));
      // a document's own genre and that of the text a notice issues (通知 issuing 办法): a reader asks for either
      const genres = [...new Set(docs.flatMap((d) => [d.genre, d.issued_text_genre]).filter(Boolean))].sort();
      put(genreSelect, el("option", { value: "" }, t("genre_all")), genres.map((g) => el("option", { value: g, selected: g === chosen.genre }, g)));
    });
    // examples from the loaded documents (GET /examples): one heading each, no fixed list
    api("/examples").then((data) => put(examples, (data.items || []).length ? [t("examples"),
      data.items.slice(0, 6).map((x) => el("button", { type: "button", class: "example", "data-document": x.document, title: x.title,
        onclick: () => go(x.q, {}) }, x.q))] : null)).catch(() => put(examples));
    if (!q) { input.focus(); homeView(results); return; }
    results.replaceChildren(el("p", { class: "status" }, t("searching")));
    const request = searchRequest(q, chosen, "json");
    Promise.all([api(request.url, request.options), loadDocs()]).then(([data, docs]) => {
      DOCS = new Map(docs.map((d) => [d.slug, d]));
      const status = t("hits")(data.hits.length, Math.round(data.took_ms));
      announce(status);
      // no hit at all within a filter (year 2030, a jurisdiction no document has): the filter is why, say so
      const filters = ["doc", "year", "jurisdiction", "issuer", "genre"].filter((k) => chosen[k]).map((k) => `${k} ${chosen[k]}`);
      const filteredOut = !data.hits.length && filters.length > 0;
      const nearest = data.relevant === false && !filteredOut;
      put(results,
        request.post ? el("p", { class: "meta", id: "long-question" }, t("long_question")) : null,
        filteredOut ? el("p", { class: "status filtered-out", id: "filtered-out", role: "status" }, t("filtered_out")(filters.join(", "))) : null,
        nearest ? el("p", { class: "status not-relevant", id: "not-relevant", role: "status" }, t("not_relevant")) : null,
        el("p", { class: "status", id: "hit-count" }, data.hits.length ? status : t("no_hits")),
        data.hits.length && data.facets ? facetBar(data.facets, chosen, (key, value) => go(q, Object.assign({}, chosen, { [key]: value }))) : null,
        data.hits.length ? downloadButtons("search-download", (fmt) => { const req = searchRequest(q, chosen, fmt); return download(req.url, req.options, `policykg-search.${fmt}`); }, results) : null,
        el("ol", { class: "hits" + (nearest ? " nearest" : ""), style: "list-style:none;padding:0" },
          data.hits.map((h, i) => hitCard(h, nearest, i + 1))));
      // a question that names a body (人社部负责哪些工作): its duties are one click away, on its department page
      loadDepartments().then((items) => {
        const named = departmentsNamedIn(q, items);
        if (named.length && results.isConnected) {
          results.prepend(el("p", { class: "meta", id: "dept-hint" }, t("dept_hint"),
            named.map((d) => [" ", el("a", { href: deptHref(d.pref_label), "data-department": d.pref_label }, (lang === "en" && d.pref_label_en) || d.pref_label, " ›")])));
        }
      }).catch(() => {});
    }).catch((e) => results.replaceChildren(errorBox(e)));
  }

  /** The API's facet counts (over the search's candidates, not only the hits shown) by kind, function, document,
   *  year and jurisdiction: each count a button that narrows the search to it. */
  function facetBar(facets, chosen, narrow) {
    const groups = [
      ["kind", facets.kind, kindName], ["function", facets.function, functionName],
      ["doc", facets.document, (slug) => (DOCS.get(slug) ? shortTitle(DOCS.get(slug)) : slug)],
      ["year", facets.year, (y) => y], ["jurisdiction", facets.jurisdiction, (j) => j],
    ];
    return el("div", { class: "facets", id: "facets", "data-counted": facets.counted },
      el("span", { class: "meta" }, t("facets")), groups.map(([key, counts, name]) => {
        if ((counts || []).length < 2 && !chosen[key]) return null;
        return el("span", { class: "facet-group", "data-facet": key }, (counts || []).map(({ value, count }) =>
          el("button", { type: "button", class: "facet" + (chosen[key] === value ? " on" : ""), "data-value": value, "data-count": count,
            "aria-pressed": chosen[key] === value ? "true" : "false",
            onclick: () => narrow(key, chosen[key] === value ? "" : value) }, `${name(value)} (${count})`)));
      }),
      el("span", { class: "meta facets-over" }, t("facets_over")(facets.counted)));
  }

  /** What is loaded: each document with its period and counts (the home under the search box). */
  function homeView(box) {
    box.replaceChildren(el("p", { class: "status" }, t("loading")));
    api("/documents").then((data) => {
      const docs = data.items || [];
      put(box, el("section", { id: "home", class: "card" },
        el("h2", {}, t("home_h")),
        docs.length ? [el("p", { class: "meta" }, t("home_docs")(docs.length)),
          el("ul", { class: "docs" }, docs.map((d) => el("li", { "data-slug": d.slug },
            el("strong", {}, el("a", { href: docHref(d.slug) }, lang === "en" && d.title_en ? d.title_en : d.title)),
            docYear(d) ? el("span", { class: "meta" }, ` · ${docYear(d)}`) : null,
            d.period ? el("span", { class: "meta" }, ` · ${t("period")}：${d.period}`) : null,
            el("div", { class: "meta" }, t("counts")(d)))))] : el("p", { class: "meta" }, t("home_empty"))));
    }).catch((e) => box.replaceChildren(errorBox(e)));
  }

  const docHref = (slug) => "#/document/" + encodeURIComponent(slug);

  /** The document a unit comes from, named short with its year, linked to its text (full title on hover). */
  function docLabel(slug) {
    const d = DOCS.get(slug) || { slug, title: slug };
    const year = docYear(d);
    return el("a", { class: "doc", href: docHref(slug), title: d.title || slug, "data-document": slug },
      `${lang === "en" ? "" : "《"}${shortTitle(d)}${lang === "en" ? "" : "》"}${year ? ` ${year}` : ""}`);
  }

  function hitCard(hit, nearest, rank) {
    const ctx = hit.context || {};
    const targets = [...(hit.target ? [hit.target] : []), ...(ctx.targets || [])];
    return el("li", { class: "card hit" + (nearest ? " nearest" : ""), "data-path": hit.path, "data-document": hit.document },
      el("div", { class: "meta" },
        rank ? el("span", { class: "rank", title: t("rank_title")(Number(hit.score).toFixed(2)) }, `#${rank}`) : null,
        nearest ? el("span", { class: "badge nearest" }, t("nearest")) : null,
        docLabel(hit.document),
        el("a", { class: "path", href: unitHref(hit.iri) }, hit.path),
        el("span", { class: "kind" }, kindName(hit.kind)),
        hit.function ? el("span", { class: "function", title: hit.function_cue || "" }, functionName(hit.function)) : null,
        (ctx.sections || []).length ? el("span", {}, ctx.sections.join(" › ")) : null),
      el("h3", {}, el("a", { href: unitHref(hit.iri) }, hit.heading)),
      el("p", { class: "text" }, highlighted(hit.text, hit.highlights)),
      ctx.task ? el("p", { class: "meta" }, t("task"), "：", el("a", { href: unitHref(ctx.task.iri) }, `${ctx.task.path} ${ctx.task.heading}`)) : null,
      ctx.owners.length ? el("div", {},
        el("span", { class: "meta" }, t("departments")),
        el("ul", { class: "chips" }, ctx.owners.map(departmentChip)),
        ctx.owners.filter((d) => d.basis === "inferred").map((d) =>
          el("details", { class: "evidence" }, el("summary", {}, `${d.agent_name}（${t("inferred")}）· ${t("evidence")}`), el("p", {}, d.evidence)))) : null,
      targets.length ? el("div", {}, el("span", { class: "meta" }, t("targets")), targetTable(targets)) : null,
      supportsOf(ctx.supports),
      (ctx.concepts || []).length ? el("ul", { class: "chips", "aria-label": t("concepts") },
        ctx.concepts.map((c) => el("li", { class: "chip" }, lang === "en" && c.pref_label_en ? c.pref_label_en : c.pref_label))) : null);
  }

  // ------------------------------------------------------------------ document view: its metadata and source text
  /** A document's genre with that of the text it issues: 通知（办法）. */
  const genreOf = (d) => d.genre && d.issued_text_genre && d.issued_text_genre !== d.genre ? `${d.genre}（${d.issued_text_genre}）` : (d.genre || "");

  function documentView(slug) {
    render(el("p", { class: "status" }, t("loading")));
    Promise.all([api("/documents/" + encodeURIComponent(slug)), api("/source/" + encodeURIComponent(slug))]).then(([d, src]) => {
      document.title = `${d.title} · PolicyKG`;
      render(el("h1", { id: "doc-title" }, lang === "en" && d.title_en ? d.title_en : d.title),
        el("p", { class: "meta" }, [d.identifier, genreOf(d), d.issued, d.period, d.jurisdiction, (d.issuers.length ? d.issuers : [d.issuer]).join("、")].filter(Boolean).join(" · ")),
        el("p", {}, el("a", { href: "#/search?" + new URLSearchParams({ doc: slug }).toString() }, t("search_title"), " ›")),
        docLinks(d),
        el("pre", { class: "source card", id: "doc-source" }, src.text || ""));
    }).catch((e) => render(errorBox(e)));
  }

  /** What a document replaces (repeals) and what replaces it, what it cites and what cites it: each named by
   * title and 发文字号, linked when that document is loaded. Nothing when it has none of these. */
  function docLinks(d) {
    const rows = [["replaces", d.replaces], ["replaced_by", d.replaced_by], ["cites", d.cites], ["cited_by", d.cited_by]]
      .filter(([, items]) => (items || []).length);
    if (!rows.length) return null;
    const name = (x) => { const label = `${x.title ? `《${x.title}》` : ""}${x.identifier ? ` ${x.identifier}` : ""}`.trim(); return label || x.iri; };
    return el("dl", { id: "doc-links", class: "doc-links" }, rows.flatMap(([key, items]) => [
      el("dt", {}, t("doc_" + key)),
      el("dd", { "data-relation": key }, items.map((x) => el("span", { style: "margin-right:.8rem" },
        x.slug ? el("a", { href: docHref(x.slug) }, name(x)) : name(x))))]));
  }

  // ------------------------------------------------------------------ unit view
  function unitView(id) {
    render(el("p", { class: "status" }, t("loading")));
    api("/units/" + encodeURIComponent(id)).then((u) => {
      document.title = `${u.path} ${u.heading} · PolicyKG`;
      const resp = u.responsibilities;
      // who is responsible when the text names no body for the unit itself: an enclosing unit's (kg.views.owners)
      const inherited = resp.length ? [] : u.owners;
      render(
        el("p", { class: "meta" }, el("span", { class: "kind" }, kindName(u.kind)), u.document_title || ""),
        el("h1", {}, el("span", { class: "path" }, u.path), " ", u.heading),
        el("div", { class: "card" },
          el("p", { class: "text", id: "unit-text" }, u.text),
          el("p", { class: "meta" }, `${t("span")}：[${u.start}, ${u.end})`, " · ", el("code", {}, u.key || ""))),
        sourceView(u),
        el("div", { class: "two-col" },
          el("section", {}, el("h2", {}, t("parent")),
            u.parent ? el("p", {}, el("a", { href: unitHref(u.parent.iri) }, `${u.parent.path} ${u.parent.heading}`), " ", el("span", { class: "kind" }, kindName(u.parent.kind))) : el("p", { class: "meta" }, t("none"))),
          el("section", {}, el("h2", {}, t("children")),
            (u.children || []).length ? el("ul", {}, u.children.map((c) => el("li", {}, el("a", { href: unitHref(c.iri) }, `${c.path} ${c.heading}`)))) : el("p", { class: "meta" }, t("none")))),
        (u.targets || []).length ? [el("h2", {}, t("targets")), targetTable(u.targets)] : null,
        resp.length ? [el("h2", {}, t("responsibilities")), responsibilityList(resp, "agent")] : null,
        inherited.length ? [el("h2", {}, t("responsibilities")),
          el("p", { class: "meta", id: "owners-from" }, t("owners_from")(inherited[0].unit_path, inherited[0].unit_heading)),
          responsibilityList(inherited, "agent")] : null,
        (u.concepts || []).length ? [el("h2", {}, t("concepts")), el("ul", { class: "chips" },
          u.concepts.map((c) => el("li", { class: "chip" }, lang === "en" && c.pref_label_en ? c.pref_label_en : c.pref_label)))] : null,
        (u.citations || []).length ? [el("h2", {}, t("citations")), el("ul", {},
          u.citations.map((c) => el("li", {}, c.title ? `《${c.title}》` : "", c.identifier ? ` ${c.identifier}` : "")))] : null,
        el("h2", {}, t("graph")),
        el("p", { class: "meta" }, t("graph_hint")),
        graphView(u.neighbourhood || { nodes: [], edges: [] }, u.iri));
    }).catch((e) => render(errorBox(e)));
  }

  /** The unit in its document: the surrounding source text with the unit's span highlighted. */
  function sourceView(u) {
    const slug = u.document;
    const box = el("section", { id: "unit-source" }, el("h2", {}, t("source_h")), el("p", { class: "status" }, t("loading")));
    api(`/source/${encodeURIComponent(slug)}`).then((doc) => {
      const text = doc.text || "";
      const from = Math.max(0, text.lastIndexOf("\n", Math.max(0, u.start - 300)));
      const to = Math.min(text.length, u.end + 300);
      box.replaceChildren(el("h2", {}, t("source_h")),
        el("p", { class: "meta" }, lang === "en" && doc.title_en ? doc.title_en : doc.title),
        el("pre", { class: "source card" }, from > 0 ? "…" : "", text.slice(from, u.start),
          el("mark", { id: "source-span" }, text.slice(u.start, u.end)), text.slice(u.end, to), to < text.length ? "…" : ""));
      const mark = box.querySelector("#source-span");
      if (mark && mark.parentNode) mark.parentNode.scrollTop = Math.max(0, mark.offsetTop - 80);
    }).catch((e) => box.replaceChildren(el("h2", {}, t("source_h")), errorBox(e)));
    return box;
  }

  /** Responsibilities as a list; ``show`` = "agent" (on a unit page) or "unit" (on a department page). */
  function responsibilityList(items, show) {
    return el("ul", { class: "resp-list" }, items.map((r) => el("li", { class: r.basis },
      show === "agent"
        ? el("a", { href: deptHref(r.agent_name) }, r.agent_name)
        : [el("a", { href: unitHref(r.unit_iri) }, el("span", { class: "path" }, r.unit_path), " ", r.unit_heading),
          // a body's work across documents: each duty names its document (title and year, linked to its text)
          r.document ? [" · ", docLabel(r.document)] : null],
      " · ", roleName(r.role), " ",
      el("span", { class: `badge ${r.basis}`, title: r.basis === "inferred" && r.rule ? ruleName(r.rule) : r.evidence }, t(r.basis)),
      evidenceDetails(r))));
  }

  // A small force-directed drawing of the unit's neighbourhood (no library): nodes clickable, labels on hover.
  const KIND_COLOURS = { measure: "#1d4f91", task: "#3f7cc4", safeguard: "#6b4fa0", goal: "#1b6b3a", target: "#2e8b57",
    principle: "#607d8b", guideline: "#607d8b", chapter: "#455a64", department: "#b26a00", concept: "#00897b",
    document: "#37474f", citation: "#8d6e63" };
  // a neighbourhood's nodes are {id, kind, label}, its edges {source, target, relation} (kg.network)
  const nodeId = (n) => String(n.id);
  const nodeKind = (n) => String(n.kind || "").toLowerCase();
  const nodeLabel = (n) => String(n.label);
  const edgeEnds = (e) => [String(e.source), String(e.target)];

  function layout(nodes, edges, centre, width, height) {
    const pos = new Map();
    const n = nodes.length;
    nodes.forEach((node, i) => {
      const id = nodeId(node);
      if (id === centre) { pos.set(id, { x: width / 2, y: height / 2, vx: 0, vy: 0 }); return; }
      const angle = (2 * Math.PI * i) / Math.max(1, n);
      pos.set(id, { x: width / 2 + Math.cos(angle) * width * 0.32, y: height / 2 + Math.sin(angle) * height * 0.32, vx: 0, vy: 0 });
    });
    const links = edges.map(edgeEnds).filter(([a, b]) => pos.has(a) && pos.has(b));
    const ideal = Math.min(width, height) / (n > 12 ? 3.2 : 2.8);
    for (let step = 0; step < 300; step++) {
      const cooling = 1 - step / 300;
      for (const a of pos.values()) { a.fx = 0; a.fy = 0; }
      const list = [...pos.values()];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const a = list[i], b = list[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = (ideal * ideal) / d2;
        a.fx += dx * f * 0.05; a.fy += dy * f * 0.05; b.fx -= dx * f * 0.05; b.fy -= dy * f * 0.05;
      }
      for (const [s, tt] of links) {
        const a = pos.get(s), b = pos.get(tt);
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = (d - ideal) * 0.02;
        a.fx += (dx / d) * f * d * 0.05; a.fy += (dy / d) * f * d * 0.05; b.fx -= (dx / d) * f * d * 0.05; b.fy -= (dy / d) * f * d * 0.05;
      }
      for (const [id, a] of pos) {
        if (id === centre) continue;
        a.fx += (width / 2 - a.x) * 0.01; a.fy += (height / 2 - a.y) * 0.01;
        a.x += Math.max(-20, Math.min(20, a.fx)) * cooling;
        a.y += Math.max(-20, Math.min(20, a.fy)) * cooling;
        a.x = Math.max(40, Math.min(width - 40, a.x)); a.y = Math.max(24, Math.min(height - 24, a.y));
      }
    }
    return { pos, links };
  }

  function nodeHref(node) {
    const kind = nodeKind(node);
    if (kind === "department" || kind === "organization" || kind === "org") return deptHref(nodeLabel(node));
    if (UNIT_KINDS.includes(kind) || ["task", "chapter", "section", "item"].includes(kind)) return unitHref(nodeId(node));
    return null;
  }

  function graphView(graph, centre) {
    const nodes = graph.nodes || [];
    const edges = graph.edges || [];
    // drawn at the width it is shown (no scaling down: labels stay legible on a 390 px phone)
    const width = Math.max(300, Math.min(640, (main.clientWidth || 640) - 24)), height = width < 480 ? 460 : 420;
    const svg = svgEl("svg", { class: "graph", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("graph"), id: "graph" });
    if (!nodes.length) return el("p", { class: "meta" }, t("none"));
    const { pos, links } = layout(nodes, edges, centre, width, height);
    for (const [a, b] of links) {
      const p = pos.get(a), q = pos.get(b);
      svg.append(svgEl("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y }));
    }
    const kinds = new Set();
    const placed = []; // label boxes already drawn: a label that would overlap one moves, or shows on hover only
    const FONT = 12;
    const boxOf = (x, y, text, anchor) => {
      const w = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? FONT : FONT * 0.6), 0);
      const left = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
      return { l: left - 2, r: left + w + 2, t: y - FONT, b: y + 3 };
    };
    const overlaps = (a) => placed.some((b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b)
      || a.l < 0 || a.r > width || a.t < 0 || a.b > height;
    const ordered = [...nodes].sort((a, b) => (nodeId(a) === centre ? -1 : nodeId(b) === centre ? 1 : 0));
    for (const node of ordered) {
      const p0 = pos.get(nodeId(node));
      placed.push({ l: p0.x - 9, r: p0.x + 9, t: p0.y - 9, b: p0.y + 9 }); // the circles themselves
    }
    for (const node of ordered) {
      const id = nodeId(node), kind = nodeKind(node), p = pos.get(id);
      kinds.add(kind);
      const href = nodeHref(node);
      const g = svgEl("g", { class: "node" + (id === centre ? " center" : ""), transform: `translate(${p.x},${p.y})`,
        tabindex: href ? 0 : -1, role: href ? "link" : "img", "aria-label": `${kindName(kind)}：${nodeLabel(node)}`, "data-id": id });
      const title = svgEl("title", {});
      title.textContent = `${kindName(kind)}：${nodeLabel(node)}`;
      const short = nodeLabel(node);
      const shown = id === centre || short.length <= 8 ? short : short.slice(0, 7) + "…";
      const r = id === centre ? 14 : 10;
      const spots = [[0, r + 12, "middle"], [0, -r - 4, "middle"], [r + 3, 4, "start"], [-r - 3, 4, "end"]];
      const spot = spots.find(([dx, dy, anchor]) => !overlaps(boxOf(p.x + dx, p.y + dy, shown, anchor)));
      const [dx, dy, anchor] = spot || spots[0];
      if (spot) placed.push(boxOf(p.x + dx, p.y + dy, shown, anchor));
      const label = svgEl("text", { x: dx, y: dy, "text-anchor": anchor, class: spot ? "" : "label-hidden", "font-size": FONT });
      label.textContent = shown;
      g.append(title, svgEl("circle", { r: id === centre ? 12 : 8, fill: KIND_COLOURS[kind] || "#78909c" }), label);
      const expand = () => { label.textContent = short; label.classList.add("label-focus"); };
      const collapse = () => { label.textContent = shown; label.classList.remove("label-focus"); };
      g.addEventListener("mouseenter", expand); g.addEventListener("focus", expand);
      g.addEventListener("mouseleave", collapse); g.addEventListener("blur", collapse);
      if (href) {
        const open = () => { location.hash = href; };
        g.addEventListener("click", open);
        g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
      }
      svg.append(g);
    }
    const legend = el("p", { class: "legend" }, [...kinds].map((k) => el("span", {}, el("i", { style: `background:${KIND_COLOURS[k] || "#78909c"}` }), kindName(k))));
    return el("figure", { style: "margin:0" }, svg, legend);
  }

  // ------------------------------------------------------------------ departments view
  let departmentsCache = null;
  const loadDepartments = () => (departmentsCache ? Promise.resolve(departmentsCache)
    : api("/departments").then((data) => (departmentsCache = data.items)));

  /** The bodies a question names by a full name, a short name or an English name (three characters at least),
   *  the longest match first; a name inside a longer one matched (教育部 in 国务院教育行政部门) does not count. */
  function departmentsNamedIn(q, items) {
    const text = q.toLowerCase();
    const hits = [];
    for (const d of items) {
      const names = [d.pref_label, ...(d.alt_labels || []), d.pref_label_en].filter((n) => n && n.length >= 3);
      const found = names.map((n) => n.toLowerCase()).filter((n) => text.includes(n)).sort((a, b) => b.length - a.length)[0];
      if (found) hits.push([found, d]);
    }
    hits.sort((a, b) => b[0].length - a[0].length);
    const kept = [];
    for (const [name, d] of hits) {
      if (!kept.some(([other, k]) => other.includes(name) || k.iri === d.iri)) kept.push([name, d]);
    }
    return kept.slice(0, 3).map(([, d]) => d);
  }

  function departmentsView(name) {
    const filter = el("input", { type: "search", id: "dept-filter", placeholder: "市经信委", autocomplete: "off" });
    const list = el("ul", { class: "dept-list", id: "dept-list", "aria-label": t("dept_title") });
    const detail = el("section", { id: "dept-detail", "aria-live": "polite" }, el("p", { class: "status" }, name ? t("loading") : t("dept_pick")));
    const form = el("form", { onsubmit: (e) => { e.preventDefault(); if (filter.value.trim()) location.hash = deptHref(filter.value.trim()); } },
      el("label", { for: "dept-filter" }, t("dept_filter")),
      el("div", { style: "display:flex;gap:.4rem" }, filter, el("button", { class: "primary", type: "submit" }, t("dept_open"))));
    render(el("h1", {}, t("dept_title")), el("div", { class: "dept-layout" }, el("div", {}, form, list), detail));

    // the bodies the documents name most first (a ministry before a 居民委员会 a text names once), then by name
    const fill = (items) => {
      const needle = filter.value.trim();
      items = [...items].sort((a, b) => (b.mentions || 0) - (a.mentions || 0) || a.pref_label.localeCompare(b.pref_label, "zh"));
      list.replaceChildren(...items.filter((d) => !needle || [d.pref_label, d.pref_label_en, d.key, ...(d.alt_labels || [])]
        .some((s) => s && s.toLowerCase().includes(needle.toLowerCase())))
        .map((d) => el("li", {}, el("a", { href: deptHref(d.pref_label), "aria-current": name && (name === d.pref_label || (d.alt_labels || []).includes(name) || name === d.key) ? "true" : null },
          lang === "en" && d.pref_label_en ? d.pref_label_en : d.pref_label,
          (d.alt_labels || []).length ? el("small", {}, d.alt_labels.join("、")) : null))));
    };
    filter.addEventListener("input", () => departmentsCache && fill(departmentsCache));
    loadDepartments().then((items) => fill(items))
      .catch((e) => list.replaceChildren(el("li", {}, errorBox(e))));
    if (!name) return;
    api("/departments/" + encodeURIComponent(name)).then((d) => {
      document.title = `${d.pref_label} · PolicyKG`;
      const split = d.responsibilities || { explicit: [], inferred: [] };
      const byRoleName = (items) => {
        const groups = new Map();
        for (const r of items) groups.set(r.role, [...(groups.get(r.role) || []), r]);
        return [...groups].map(([role, rs]) => [el("h3", {}, roleName(role), ` (${rs.length})`), responsibilityList(rs, "unit")]);
      };
      const block = (items, basis) => {
        const heading = basis === "explicit" ? t("explicit_h") : t("inferred_h");
        if (basis === "explicit") {
          return el("section", { id: "resp-explicit", "data-count": items.length },
            el("h2", {}, heading, ` (${items.length})`), items.length ? byRoleName(items) : el("p", { class: "meta" }, t("none")));
        }
        // inferred: folded by rule, each with its count
        const rules = new Map();
        for (const r of items) rules.set(r.rule || "", [...(rules.get(r.rule || "") || []), r]);
        return el("section", { id: "resp-inferred", "data-count": items.length },
          el("h2", {}, heading, ` (${items.length})`),
          items.length ? [...rules].map(([rule, rs]) => el("details", { class: "rule-group", "data-rule": rule },
            el("summary", {}, ruleName(rule), ` (${rs.length})`), responsibilityList(rs, "unit")))
            : el("p", { class: "meta" }, t("none")));
      };
      // where a document names it and gives it no duty, with the span: the whole answer for a name the documents
      // write but make no body of (category "candidate"), and beside its work for a body some document only names
      const named = d.named_without_duty || [];
      const namedBlock = () => el("section", { id: "named-without-duty", "data-count": named.length },
        el("h2", {}, t("named_h"), ` (${named.length})`),
        named.length ? el("ul", { class: "resp-list" }, named.map((n) => el("li", { "data-start": n.start, "data-end": n.end },
          n.unit_iri ? el("a", { href: unitHref(n.unit_iri) }, el("span", { class: "path" }, n.unit_path), " ", n.unit_heading) : null,
          " · ", n.document, " · ", el("span", { class: "meta" }, `${t("chars")} [${n.start}, ${n.end})`),
          el("p", {}, n.evidence.slice(0, n.start - n.evidence_start), el("mark", {}, n.evidence.slice(n.start - n.evidence_start, n.end - n.evidence_start)),
            n.evidence.slice(n.end - n.evidence_start)))))
          : el("p", { class: "meta" }, t("none")));
      detail.replaceChildren(...[
        el("h2", { id: "dept-name", style: "margin-top:0" }, d.pref_label),
        el("p", { class: "meta" }, lang === "en" ? d.pref_label_en || "" : "", (d.alt_labels || []).length ? ` · ${t("aliases")}：${d.alt_labels.join("、")}` : ""),
        d.category === "candidate" ? el("p", { id: "candidate-note", class: "status" }, t("candidate_note")) : null,
        block(split.explicit || [], "explicit"),
        block(split.inferred || [], "inferred"),
        named.length || d.category === "candidate" ? namedBlock() : null].filter(Boolean));  // DOM would write "null"
    }).catch((e) => {
      // near names (404) or the bodies a shared short name may mean (409 ambiguous_name), each a link to its page
      const err = (e.body && e.body.error) || {};
      const names = (err.close && err.close.length ? err.close : err.candidates) || [];
      put(detail, errorBox(e), names.length ? el("p", { id: "dept-choices" }, names.map((c) => el("a", { href: deptHref(c), style: "margin-right:.6rem" }, c))) : null);
    });
  }

  // ------------------------------------------------------------------ enterprise view
  function enterpriseView() {
    const saved = JSON.parse(sessionStorage.getItem("policykg.match") || "null") || {};
    const industry = el("input", { type: "text", id: "industry", name: "industry", maxlength: 200, placeholder: t("industry_ph"), value: saved.industry || "" });
    const plans = el("textarea", { id: "plans", name: "plans", placeholder: t("plans_ph") });
    const needs = el("textarea", { id: "needs", name: "needs", maxlength: 2000, placeholder: t("needs_ph") });
    needs.value = saved.needs || "";
    // the profile's other fields, all optional: [id, label key, input type, placeholder key]
    const extra = [["place", "place", "text", "place_ph"], ["industry_code", "industry_code", "text"],
      ["employees", "employees", "number"], ["revenue", "revenue", "number"], ["founded", "founded", "number"],
      ["insured_staff", "insured_staff", "number"], ["years_insured", "years_insured", "number"],
      ["unemployment_premiums_last_year", "premiums", "number"], ["wage_bill_last_year", "wage_bill", "number"],
      ["age", "age", "number"], ["status", "status", "text", "status_ph"], ["today", "today", "date"]]
      .map(([id, key, type, ph]) => [id, el("input", { type, id: `m-${id}`, name: id, step: "any", placeholder: ph ? t(ph) : "",
        value: saved[id] != null ? saved[id] : (saved.person && saved.person[id] != null ? saved.person[id] : "") }), key]);
    plans.value = (saved.plans || []).join("\n");
    const sizes = t("sizes");
    const size = el("select", { id: "size", name: "size" }, Object.keys(sizes).map((k) => el("option", { value: k, selected: k === (saved.size || "") }, sizes[k])));
    const district = el("input", { type: "text", id: "district", name: "district", maxlength: 50, placeholder: t("district_ph"), value: saved.district || "" });
    const results = el("section", { id: "match-results", "aria-live": "polite" });
    const form = el("form", { class: "card", id: "match-form", onsubmit: (e) => { e.preventDefault(); submit(); } },
      el("div", { class: "grid2" },
        el("div", { class: "field" }, el("label", { for: "industry" }, t("industry")), industry),
        el("div", { class: "field" }, el("label", { for: "size" }, t("size")), size)),
      el("div", { class: "field" }, el("label", { for: "needs" }, t("needs")), needs),
      el("div", { class: "field" }, el("label", { for: "plans" }, t("plans")), plans),
      el("div", { class: "grid2" }, el("div", { class: "field" }, el("label", { for: "district" }, t("district")), district), el("div")),
      el("details", { class: "more-fields", open: extra.some(([, input]) => input.value) },
        el("summary", {}, t("more_fields")),
        el("div", { class: "grid2" }, extra.map(([id, input, key]) => el("div", { class: "field" }, el("label", { for: `m-${id}` }, t(key)), input)))),
      el("button", { class: "primary", type: "submit" }, t("match_button")));
    render(el("h1", {}, t("ent_title")), form, results);

    let lastBody = {};
    loadDocs().then((docs) => { DOCS = new Map(docs.map((d) => [d.slug, d])); });
    function submit() {
      const body = { industry: industry.value.trim(), plans: plans.value.split(/\n+/).map((s) => s.trim()).filter(Boolean) };
      if (needs.value.trim()) body.needs = needs.value.trim();
      for (const [id, input] of extra) {
        const v = input.value.trim();
        if (!v) continue;
        if (id === "age" || id === "status") body.person = Object.assign(body.person || {}, { [id]: id === "age" ? Number(v) : v });
        else body[id] = input.type === "number" ? Number(v) : v;
      }
      if (size.value) body.size = size.value;
      if (district.value.trim()) body.district = district.value.trim();
      sessionStorage.setItem("policykg.match", JSON.stringify(body));
      lastBody = body;
      results.replaceChildren(el("p", { class: "status" }, t("matching")));
      api("/match", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(Object.assign({ lang, k: 10 }, body)) })
        .then(showMatch).catch((e) => results.replaceChildren(errorBox(e)));
    }

    function showMatch(data) {
      const measures = data.measures || [];
      const instruments = data.instruments || [];
      const office = data.district_office;
      if (!measures.length && !instruments.length) {
        results.replaceChildren(el("p", { class: "status empty", id: "match-empty" }, t("nothing_fits")));
        announce(t("nothing_fits"));
        return;
      }
      put(results,
        office ? el("p", { class: "card office", id: "district-office" }, el("strong", {}, t("district_office"), "："), office.agent_name,
          el("span", { class: "meta" }, ` · ${office.evidence}`)) : null,
        el("h2", {}, t("measures_h"), ` (${measures.length})`),
        measures.length ? downloadButtons("match-download", (fmt) => download(`/match?format=${fmt}`, { method: "POST",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify(Object.assign({ lang, k: 10 }, lastBody)) }, `policykg-match.${fmt}`), results) : null,
        measures.length ? el("ol", { id: "match-measures", class: "resp-list" }, measures.map((m) => el("li", { class: "explicit measure", "data-path": m.path },
          el("span", { class: "rank", title: t("rank_title")(Number(m.score).toFixed(2)) }, `#${measures.indexOf(m) + 1} `),
          el("a", { href: unitHref(m.iri) }, el("span", { class: "path" }, m.path), " ", m.heading), " · ", docLabel(m.document),
          verdictOf(m), amountsOf(m), reasonOf(m), contactsOf(m, office), supportsOf(m.supports), docSupportOf(m)))) : el("p", { class: "meta" }, t("no_measures")),
        el("h2", {}, t("instruments_h"), ` (${instruments.length})`),
        instruments.length ? el("ul", { id: "match-instruments", class: "resp-list" }, instruments.map((s) => el("li", { class: "inferred instrument" },
          el("strong", {}, s.kind_label), " · ",
          el("a", { href: unitHref(s.iri) }, `${s.path} ${s.heading}`),
          el("p", { class: "text" }, s.text),
          reasonOf(s), contactsOf(s, office), supportsOf(s.supports)))) : el("p", { class: "meta", id: "no-instruments" }, t("no_instruments")));
      announce(`${measures.length} / ${instruments.length}`);
    }
    const reasonOf = (m) => (m.reason ? el("p", { class: "meta reason" }, `${t("reason")}：${m.reason}`) : null);
    const verdictOf = (m) => {
      const v = m.verdict;
      if (!v) return null;
      const why = v.failing.length ? `：${v.failing.map((c) => c.text).join("；")}` : v.missing.length ? `：${t("fill_in")} ${v.missing.join("、")}` : "";
      // conditions as written that no check judged (认定, 列入 …): "eligible" holds on the conditions checked only
      const confirm = (v.to_confirm || []).length && v.status !== "not_eligible" ? v.to_confirm : [];
      const word = v.status === "eligible" && confirm.length ? t("eligible_checked") : (t("verdicts")[v.status] || v.status) + why;
      return [el("p", { class: `verdict ${v.status}`, "data-verdict": v.status }, el("strong", {}, t("verdict"), "："), word,
        v.expired_on ? el("span", { class: "badge expired" }, ` ${t("expired")} ${v.expired_on}`) : null),
        confirm.length ? el("p", { class: "meta to-confirm" }, `${t("to_confirm")}：${confirm.join(lang === "en" ? "; " : "；")}`) : null];
    };
    /** The amounts: the figures of one 分别 sentence (分别给予100万元、30万元…) are tiers for different cases, so after
     *  the one the profile picks (labelled with its case) the others are one line of other tiers, and with none
     *  picked all are one line "by case", never a run of bare figures that reads as several sums. */
    const amountsOf = (m) => {
      const items = [];
      let rest = [...(m.amounts || [])];
      while (rest.length && items.length < 3) {
        const a = rest.shift();
        const tiers = rest.filter((b) => b.text && b.text === a.text && !b.base);
        rest = rest.filter((b) => !tiers.includes(b));
        const others = tiers.map((b) => b.formula).join(lang === "en" ? ", " : "、");
        if (!tiers.length || a.base) {
          items.push(el("li", { class: "amount", "data-value": a.value == null ? "" : a.value }, el("strong", {}, t("amount"), "："), a.formula));
          if (tiers.length) items.push(el("li", { class: "amount tiers meta" }, el("strong", {}, t("other_tiers"), "："), others));
        } else {
          items.push(el("li", { class: "amount tiers", "data-value": "" }, el("strong", {}, t("amount"), "："),
            `${t("by_case")} ${a.formula}${lang === "en" ? ", " : "、"}${others}`));
        }
      }
      return items.length ? el("ul", { class: "amounts" }, items) : null;
    };
    const docSupportOf = (m) => ((m.instruments || []).length ? el("p", { class: "meta doc-support" }, `${t("doc_support")}：`,
      [...new Set(m.instruments.map((i) => `${i.kind_label}（${i.label}）`))].join("、")) : null);
    const contactsOf = (m, office) => el("div", { class: "contacts" },
      el("span", { class: "meta" }, t("contacts"), "："),
      el("ul", { class: "chips" },
        (m.contacts || []).map((c) => el("li", { class: `chip contact ${c.scope}`, title: c.evidence || "" },
          el("a", { href: deptHref(c.agent_name) }, c.agent_name), " · ", c.role_label,
          // a lead read from the order of a list, not stated: marked, its rule and sentence on hover
          c.basis === "inferred" && !/推定|推断|inferred/i.test(c.role_label || "") ? el("span", { class: "badge inferred" }, t("inferred")) : null,
          // the whole document's supervisor or evaluator (not its issuer, which is named as such)
          c.scope === "document" && c.role !== "issuer" ? el("span", { class: "badge inferred" }, t("scope_document")) : null)),
        office ? el("li", { class: "chip contact district" }, office.agent_name, " · ", office.role_label) : null),
      m.no_owner ? el("p", { class: "meta no-owner" }, m.no_owner) : null);
  }

  /** Support amounts and conditions (SupportView) as one line each: 补助 · 按投资额的10% · 最高500万元 · 对…企业. */
  function supportsOf(supports) {
    if (!supports || !supports.length) return null;
    const kinds = t("support_kinds");
    return el("div", { class: "supports" }, el("span", { class: "meta" }, t("supports"), "："),
      el("ul", {}, supports.map((s) => el("li", { class: "support" },
        [kinds[s.kind] || s.kind,
         s.amount !== null && s.amount !== undefined ? `${s.comparator && s.comparator !== "=" ? s.comparator : ""}${s.amount}${s.amount_max ? "–" + s.amount_max : ""}${s.unit}` : null,
         s.rate !== null && s.rate !== undefined ? t("rate_of")(s.rate_base, s.rate) : null,
         s.cap !== null && s.cap !== undefined ? t("cap")(s.cap, s.unit) : null,
         s.condition || null].filter(Boolean).join(" · ")))));
  }

  // ------------------------------------------------------------------ language, routing
  function applyStrings() {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll("[data-i18n-aria]").forEach((node) => node.setAttribute("aria-label", t(node.dataset.i18nAria)));
    const toggle = document.getElementById("lang-toggle");
    toggle.textContent = t("lang_button");
    toggle.setAttribute("aria-label", t("lang_label"));
    toggle.setAttribute("lang", lang === "en" ? "zh-CN" : "en");
  }

  function route() {
    const { view, arg, params } = parseHash();
    document.title = "PolicyKG 政策知识图谱";
    document.querySelectorAll(".nav a").forEach((a) => {
      const active = a.dataset.view === view || (view === "unit" && a.dataset.view === "search");
      if (active) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    if (view === "unit" && arg) unitView(arg);
    else if (view === "document" && arg) documentView(arg);
    else if (view === "departments") departmentsView(arg);
    else if (view === "enterprise") enterpriseView();
    else searchView(params);
    if (view !== "search") main.focus({ preventScroll: true });
  }

  document.getElementById("lang-toggle").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    localStorage.setItem("policykg.lang", lang);
    applyStrings();
    route();
  });
  window.addEventListener("hashchange", route);
  applyStrings();
  route();
})();
