/** The styles of report.html (inline: the page loads nothing). */
export const PAGE_STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:16px;color:#1d2430;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d5dae1;padding-bottom:4px}small{color:#667}
.status{margin:0 0 12px}.status-ok b{color:#17803d}.status-warnings b{color:#a86400}.status-errors b{color:#b42318}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px}
.fig{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:8px}.fig span{display:block;color:#556;font-size:12px}.fig b{font-size:17px;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin-top:16px}figure{margin:0;background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:8px}figcaption{font-size:12px;color:#556}
svg text{font-size:10px;fill:#556}rect.pos{fill:#2f6fdf}rect.neg{fill:#d0453b}line.axis{stroke:#99a}
details.group{background:#fff;border:1px solid #d5dae1;border-radius:6px;margin:8px 0;padding:6px 10px}summary{cursor:pointer;font-weight:600}
.sev{display:inline-block;border-radius:4px;padding:0 6px;margin-right:6px;font-size:12px;color:#fff}.sev-error{background:#b42318}.sev-warning{background:#a86400}.sev-note{background:#667}
.risk{color:#b42318;font-weight:600}.hint,.assumed{color:#445;margin:4px 0}.items{padding-left:20px}.item{margin:8px 0}
pre{background:#f1f3f6;border-radius:4px;padding:6px;overflow:auto;white-space:pre-wrap;word-break:break-all;margin:4px 0}pre.snippet{background:#eef6ee}
code.where{font-weight:600}button{font:inherit;margin:2px 4px;padding:2px 8px;cursor:pointer}button.copy{font-size:12px}
.tools{display:flex;align-items:center;gap:6px;margin-bottom:4px}.tools input{flex:0 1 280px;padding:3px 6px}.info{color:#556;font-size:12px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}th,td{border:1px solid #e0e4ea;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5;cursor:pointer;user-select:none;position:sticky;top:0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
`;
