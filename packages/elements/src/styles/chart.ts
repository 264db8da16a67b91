// Layout rules uPlot's DOM needs inside our shadow root (its own stylesheet is not loaded).
export const chartStyles = `
.uplot,.uplot *,.uplot *::before,.uplot *::after{box-sizing:border-box}
.uplot{position:absolute;inset:0;line-height:1.2}
.u-wrap{position:relative;user-select:none}
.u-over,.u-under{position:absolute}
.u-under{overflow:hidden}
.uplot canvas{display:block;position:relative;width:100%;height:100%}
.u-axis{position:absolute}
.u-cursor-x,.u-cursor-y{position:absolute;left:0;top:0;pointer-events:none;will-change:transform}
.u-cursor-x{height:100%;border-right:1px dashed var(--inset-color-border)}
.u-cursor-y{display:none}
.u-hz .u-cursor-x{border-right:0}
.u-cursor-pt{position:absolute;top:0;left:0;border-radius:50%;border:2px solid;pointer-events:none;will-change:transform;background-clip:padding-box!important}
.u-select{position:absolute;pointer-events:none}
.u-legend,.u-off{display:none}
.tip{position:absolute;z-index:5;pointer-events:none;padding:6px 10px;border-radius:8px;background:var(--inset-color-text);color:var(--inset-color-background);font-size:12px;white-space:nowrap;box-shadow:0 6px 16px rgb(16 24 40 / .2);transform:translate(-50%,calc(-100% - 10px))}
.tip b{display:block;font-weight:600}
`
