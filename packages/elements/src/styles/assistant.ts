export const assistantStyles = `
:host{height:600px}
.btn.primary{background:var(--inset-color-primary);border-color:var(--inset-color-primary);color:var(--inset-color-primary-contrast)}
.btn.primary:hover{filter:brightness(1.08)}
.chat{display:flex;flex-direction:column;height:100%;min-height:360px;background:var(--inset-color-background);border:1px solid var(--inset-color-border);border-radius:var(--inset-radius);box-shadow:var(--inset-shadow);overflow:hidden}
.chat-head{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:12px 16px;border-bottom:1px solid var(--inset-color-border)}
.chat-title{display:flex;align-items:center;gap:8px;font-size:15px;font-weight:600}
.chat-title .icon{color:var(--inset-color-primary)}
.context{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px;font-size:12px;color:var(--inset-color-muted)}
.chip{display:inline-flex;align-items:center;padding:1px 8px;border-radius:999px;background:var(--inset-color-hover);color:var(--inset-color-text);font-size:12px}
.chip button{display:inline-flex;margin-left:4px;padding:0;border:0;background:none;cursor:pointer}
.chip .icon{width:12px;height:12px}
.log{flex:1;overflow:auto;margin:0;padding:16px;list-style:none;display:flex;flex-direction:column;gap:16px}
.intro{margin:auto 0;padding:8px 4px;color:var(--inset-color-muted);font-size:13px}
.intro h3{margin:0 0 4px;font-size:16px;font-weight:600;color:var(--inset-color-text)}
.suggestions{display:flex;flex-wrap:wrap;gap:8px;padding:0 16px 12px}
.suggestions[hidden]{display:none}
.suggestion{height:auto;min-height:30px;padding:5px 12px;border-radius:999px;white-space:normal;text-align:left;font-weight:400;color:var(--inset-color-text)}
.msg{display:flex;gap:10px;align-items:flex-start;min-width:0}
.msg.user{justify-content:flex-end}
.msg.user .bubble{max-width:80%;padding:8px 14px;border-radius:16px 16px 4px 16px;background:var(--inset-color-primary);color:var(--inset-color-primary-contrast)}
.msg.assistant .bubble{flex:1;min-width:0;padding-top:3px}
.avatar{display:grid;place-items:center;flex:none;width:28px;height:28px;border-radius:50%;background:var(--inset-color-primary-soft);color:var(--inset-color-primary)}
.bubble-text{white-space:pre-wrap;overflow-wrap:anywhere}
.caret::after{content:"";display:inline-block;width:7px;height:1em;margin-left:2px;vertical-align:-2px;background:var(--inset-color-primary);animation:blink 1s steps(2) infinite}
@keyframes blink{50%{opacity:0}}
.thinking{color:var(--inset-color-muted)}
.dots{display:inline-block;animation:blink 1.2s infinite}
@media (prefers-reduced-motion:reduce){.caret::after,.dots{animation:none}}
.query{margin-top:8px;font-size:12px;color:var(--inset-color-muted)}
.query-label{font-weight:600}
.result{margin-top:10px;padding:12px;border:1px solid var(--inset-color-border);border-radius:var(--inset-radius-small);display:flex;flex-direction:column;min-height:0}
.result[data-kind=timeseries],.result[data-kind=breakdown]{height:260px}
.result .table-wrap{max-height:320px}
.result-tools{display:flex;align-items:center;justify-content:space-between;margin:-4px -4px 6px 0;font-size:12px}
.state.inline{flex-direction:row;flex-wrap:wrap;justify-content:flex-start;min-height:0;margin-top:8px;padding:8px 12px;border-radius:var(--inset-radius-small);background:var(--inset-color-negative-soft);color:var(--inset-color-text)}
.state.inline .icon{width:16px;height:16px;vertical-align:-3px}
.composer{display:flex;gap:8px;padding:12px 16px;border-top:1px solid var(--inset-color-border);background:var(--inset-color-surface)}
.composer input{flex:1;min-width:0;height:38px;padding:0 12px;border:1px solid var(--inset-color-border);border-radius:var(--inset-radius-small);background:var(--inset-color-background)}
.composer input:focus-visible{outline:2px solid var(--inset-color-primary);outline-offset:0;border-color:transparent}
.composer .btn{height:38px}
`
