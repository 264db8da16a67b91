// Pieces shared by both elements: buttons, focus ring, skeletons, states and tables.
export const baseStyles = `
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
h2,h3,p{margin:0}
button,input,select,textarea{font:inherit;color:inherit}
.icon{width:16px;height:16px;flex:none;fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:focus-visible{outline:2px solid var(--inset-color-primary);outline-offset:2px}
.btn{display:inline-flex;align-items:center;gap:6px;height:32px;padding:0 12px;border:1px solid var(--inset-color-border);border-radius:var(--inset-radius-small);background:var(--inset-color-background);color:var(--inset-color-text);font-size:13px;font-weight:500;cursor:pointer;white-space:nowrap;transition:background .12s,border-color .12s}
.btn:hover{background:var(--inset-color-hover)}
.btn:disabled{opacity:.5;cursor:default}
.btn.ghost{border-color:transparent;background:transparent;color:var(--inset-color-muted)}
.btn.ghost:hover{background:var(--inset-color-hover);color:var(--inset-color-text)}
.btn.icon-only{width:32px;padding:0;justify-content:center}
.btn[aria-pressed=true]{background:var(--inset-color-primary-soft);color:var(--inset-color-primary);border-color:transparent}
.muted{color:var(--inset-color-muted)}
.btn .muted{color:color-mix(in srgb,var(--inset-color-muted) 75%,var(--inset-color-text))}
.skeleton{border-radius:6px;background:var(--inset-color-skeleton);position:relative;overflow:hidden}
.skeleton::after{content:"";position:absolute;inset:0;transform:translateX(-100%);background:linear-gradient(90deg,transparent,rgb(255 255 255 / .35),transparent);animation:shimmer 1.4s infinite}
@keyframes shimmer{to{transform:translateX(100%)}}
@media (prefers-reduced-motion:reduce){.skeleton::after{animation:none}}
.state{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:6px;height:100%;min-height:72px;padding:8px;text-align:center;color:var(--inset-color-muted);font-size:13px}
.state .icon{width:20px;height:20px}
.state strong{color:var(--inset-color-text);font-weight:600}
.state code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;padding:1px 6px;border-radius:4px;background:var(--inset-color-hover)}
.state.error .icon{color:var(--inset-color-negative)}
.table-wrap{overflow:auto;min-height:0;flex:1}
table{width:100%;border-collapse:separate;border-spacing:0;font-variant-numeric:tabular-nums;font-size:13px}
th,td{padding:8px 12px;text-align:left;border-bottom:1px solid var(--inset-color-border);white-space:nowrap}
th{position:sticky;top:0;background:var(--inset-color-background);font-size:12px;font-weight:500;color:var(--inset-color-muted);z-index:1}
th.num,td.num{text-align:right}
tbody tr:hover{background:var(--inset-color-hover)}
tbody tr:last-child td{border-bottom:0}
tbody tr[tabindex]{cursor:pointer}
tbody tr.selected{background:var(--inset-color-hover);box-shadow:inset 3px 0 var(--inset-color-primary)}
tr{background:var(--inset-color-background)}
tr>:first-child{position:sticky;left:0;background:inherit}
th:first-child{z-index:2}
tr.selected>:first-child{box-shadow:inset 3px 0 var(--inset-color-primary)}
.sort{all:unset;display:inline-flex;align-items:center;gap:4px;cursor:pointer;border-radius:4px}
.sort:focus-visible{outline:2px solid var(--inset-color-primary);outline-offset:2px}
.sort .icon{width:12px;height:12px;opacity:0}
th[aria-sort] .sort{color:var(--inset-color-text)}
th[aria-sort] .sort .icon{opacity:1}
.pager{display:flex;align-items:center;justify-content:flex-end;gap:4px;padding-top:8px;font-size:12px;color:var(--inset-color-muted)}
.pager span{margin-right:8px;font-variant-numeric:tabular-nums}
.note{padding-top:6px;font-size:12px;color:var(--inset-color-muted)}
.kpi{display:flex;flex-direction:column;justify-content:center;flex:1}
.kpi-value{font-size:30px;font-weight:600;letter-spacing:-.02em;line-height:1.15;font-variant-numeric:tabular-nums}
.kpi-foot{display:flex;align-items:center;gap:8px;margin-top:6px;font-size:12px;color:var(--inset-color-muted)}
.delta{display:inline-flex;align-items:center;gap:2px;padding:1px 8px 1px 6px;border-radius:999px;font-weight:600;font-size:12px;font-variant-numeric:tabular-nums}
.delta .icon{width:12px;height:12px;stroke-width:2}
.delta.up{color:var(--inset-color-positive-text);background:var(--inset-color-positive-soft)}
.delta.down{color:var(--inset-color-negative-text);background:var(--inset-color-negative-soft)}
.delta.flat{background:var(--inset-color-hover)}
.chart{flex:1;min-height:0;position:relative}
.chart[hidden]{display:none}
`
