export const dashboardStyles = `
.dash{container-type:inline-size;display:flex;flex-direction:column;gap:var(--inset-space)}
.dash-head{display:flex;align-items:flex-start;justify-content:space-between;gap:12px}
.dash-title{font-size:18px;font-weight:600;letter-spacing:-.01em;line-height:1.3}
.dash-desc{margin-top:2px;font-size:13px;color:var(--inset-color-muted)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
.filter{position:relative;display:inline-flex;align-items:center;gap:6px}
.filter-label{font-size:12px;font-weight:500;color:var(--inset-color-muted)}
.field{height:32px;padding:0 8px;border:1px solid var(--inset-color-border);border-radius:var(--inset-radius-small);background:var(--inset-color-background);font-size:13px}
.field:hover{border-color:var(--inset-color-muted)}
.filter .btn strong{font-weight:600}
.popover{position:absolute;top:calc(100% + 6px);left:0;z-index:20;min-width:200px;max-height:280px;overflow:auto;padding:6px;background:var(--inset-color-background);border:1px solid var(--inset-color-border);border-radius:var(--inset-radius-small);box-shadow:0 12px 24px -6px rgb(16 24 40 / .18)}
.option{display:flex;align-items:center;gap:8px;padding:6px 8px;border-radius:6px;cursor:pointer;font-size:13px}
.option:hover{background:var(--inset-color-hover)}
.option input{accent-color:var(--inset-color-primary);margin:0}
.grid{display:grid;grid-template-columns:repeat(var(--cols,12),minmax(0,1fr));grid-auto-rows:var(--inset-row-height);gap:var(--inset-gap)}
.tile{grid-column:span var(--w,12);grid-row:span var(--h,1);display:flex;flex-direction:column;min-width:0;min-height:0;padding:16px;background:var(--inset-color-background);border:1px solid var(--inset-color-border);border-radius:var(--inset-radius);box-shadow:var(--inset-shadow);position:relative;overflow:hidden}
.tile-head{display:flex;align-items:center;justify-content:space-between;gap:8px;min-height:24px;margin-bottom:8px}
.tile-title{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:13px;font-weight:500;color:var(--inset-color-muted)}
.tile-actions{display:flex;align-items:center;gap:2px;margin:-6px 0}
.tile-actions .btn{height:28px;width:28px}
.tile-actions .btn[aria-pressed=true]{background:var(--inset-color-hover);color:var(--inset-color-primary)}
.chip{display:inline-flex;align-items:center;gap:4px;max-width:160px;padding:2px 6px 2px 10px;border:0;border-radius:999px;background:var(--inset-color-hover);color:var(--inset-color-text);font:inherit;font-size:12px;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.chip svg{width:12px;height:12px;flex:none}
.menu{position:relative}
.menu summary{list-style:none;display:inline-flex;align-items:center;justify-content:center;cursor:pointer}
.menu summary::-webkit-details-marker{display:none}
.menu-list{position:absolute;right:0;top:calc(100% + 4px);z-index:3;display:flex;flex-direction:column;min-width:150px;padding:4px;background:var(--inset-color-background);border:1px solid var(--inset-color-border);border-radius:var(--inset-radius);box-shadow:var(--inset-shadow)}
.menu-list .btn{justify-content:flex-start;width:100%;height:32px}
.crumbs{display:flex;align-items:center;flex-wrap:wrap;gap:4px;margin:-4px 0 6px;font-size:12px;color:var(--inset-color-muted)}
.crumbs>*+*::before{content:"›";margin-right:4px;color:var(--inset-color-muted)}
.crumb{border:0;background:none;padding:0;font:inherit;color:var(--inset-color-primary);cursor:pointer;text-decoration:underline}
.tile-tools{display:flex;gap:2px;margin:-6px -6px -6px 0}
.tile-tools .btn{height:28px;width:28px}
.tile-body{flex:1;min-height:0;display:flex;flex-direction:column;transition:opacity .2s}
.tile[aria-busy=true] .tile-body.has-data{opacity:.5}
.tile[aria-busy=true]::before{content:"";position:absolute;top:0;left:0;height:2px;width:40%;background:var(--inset-color-primary);animation:bar 1.1s ease-in-out infinite}
@keyframes bar{from{transform:translateX(-100%)}to{transform:translateX(250%)}}
@media (prefers-reduced-motion:reduce){.tile[aria-busy=true]::before{animation:none;width:100%;opacity:.4}}
.sk-kpi{height:32px;width:55%;margin-top:4px}
.sk-line{height:10px;width:35%;margin-top:10px}
.sk-chart{flex:1}
.sk-row{height:14px;margin:11px 0}
.dash-state{padding:48px 16px;border:1px dashed var(--inset-color-border);border-radius:var(--inset-radius);background:var(--inset-color-background)}
`
