"""Chinese and English labels of the workbench; the ``lang`` cookie chooses.

Labels are data: one table keyed by message id. A missing Chinese label falls back
to English so a page never shows a bare key.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES: tuple[str, ...] = ("en", "zh")

MESSAGES: dict[str, dict[str, str]] = {
    "app": {"en": "orewatch workbench", "zh": "矿产出口管制执法工作台"},
    "alerts": {"en": "Alert queue", "zh": "预警队列"},
    "cases": {"en": "Cases", "zh": "案件"},
    "materials": {"en": "Material flows", "zh": "物料流向"},
    "effectiveness": {"en": "Control effectiveness", "zh": "管制效果"},
    "audit": {"en": "Audit log", "zh": "审计日志"},
    "login": {"en": "Log in", "zh": "登录"},
    "logout": {"en": "Log out", "zh": "退出"},
    "username": {"en": "Username", "zh": "用户名"},
    "password": {"en": "Password", "zh": "密码"},
    "channel": {"en": "Channel", "zh": "通道"},
    "reason": {"en": "Reason", "zh": "原因"},
    "reasons": {"en": "Reasons", "zh": "原因代码"},
    "score": {"en": "Score", "zh": "风险分"},
    "declaration": {"en": "Declaration", "zh": "报关单"},
    "line": {"en": "Line", "zh": "项号"},
    "explanation": {"en": "Explanation", "zh": "说明"},
    "filter": {"en": "Filter", "zh": "筛选"},
    "all": {"en": "all", "zh": "全部"},
    "of": {"en": "of", "zh": "/"},
    "next": {"en": "Next", "zh": "下一页"},
    "previous": {"en": "Previous", "zh": "上一页"},
    "licence": {"en": "Licence", "zh": "许可证"},
    "evidence": {"en": "Evidence", "zh": "证据"},
    "party": {"en": "Party", "zh": "当事人"},
    "network": {"en": "Network", "zh": "关系网络"},
    "facility": {"en": "Facility", "zh": "企业/场所"},
    "balance": {"en": "Material balance", "zh": "物料平衡"},
    "new_case": {"en": "Open a case", "zh": "立案"},
    "title": {"en": "Title", "zh": "标题"},
    "summary": {"en": "Summary", "zh": "案情摘要"},
    "status": {"en": "Status", "zh": "状态"},
    "assignee": {"en": "Assignee", "zh": "承办人"},
    "notes": {"en": "Notes", "zh": "备注"},
    "add_note": {"en": "Add note", "zh": "添加备注"},
    "restricted": {"en": "restricted to my agency", "zh": "仅限本单位"},
    "attach": {"en": "Attach evidence", "zh": "附加证据"},
    "kind": {"en": "Kind", "zh": "类型"},
    "reference": {"en": "Reference", "zh": "编号"},
    "source": {"en": "Source", "zh": "来源"},
    "description": {"en": "Description", "zh": "描述"},
    "personal": {"en": "contains personal data", "zh": "含个人信息"},
    "move": {"en": "Move to", "zh": "流转至"},
    "history": {"en": "History", "zh": "办理经过"},
    "share": {"en": "Share with agency", "zh": "共享给单位"},
    "release_personal": {"en": "release personal data", "zh": "提供个人信息"},
    "links": {"en": "Linked cases", "zh": "关联案件"},
    "link": {"en": "Link case", "zh": "关联案件"},
    "assign": {"en": "Assign", "zh": "指派"},
    "dossier": {"en": "Transfer dossier", "zh": "移送材料"},
    "publication": {"en": "Typical case", "zh": "典型案例"},
    "withheld": {
        "en": "Some personal data is withheld from you.",
        "zh": "部分个人信息未向您提供。",
    },
    "nothing": {"en": "Nothing here.", "zh": "暂无内容。"},
    "add_to_case": {"en": "Add to case", "zh": "加入案件"},
    "subjects": {"en": "Subjects", "zh": "涉案主体"},
    "open": {"en": "open", "zh": "已立案"},
    "investigating": {"en": "investigating", "zh": "调查中"},
    "administrative_penalty": {"en": "administrative penalty", "zh": "行政处罚"},
    "transferred": {"en": "transferred for prosecution", "zh": "移送刑事追诉"},
    "closed": {"en": "closed", "zh": "已结案"},
    "routes": {"en": "Routes", "zh": "贸易路线"},
    "no_data": {"en": "No screening outputs loaded.", "zh": "未加载筛查结果。"},
    "verify": {"en": "Chain verified", "zh": "链校验"},
    "effectiveness_title": {"en": "Control effectiveness", "zh": "管制效果评估"},
    "effectiveness_controlled_from": {"en": "Controlled from", "zh": "管制生效日期"},
    "effectiveness_headings": {"en": "headings", "zh": "税则号"},
    "effectiveness_by_destination": {
        "en": "China's mean exports per {grain} (USD), before and after the control",
        "zh": "管制前后我国平均每{grain}出口额（美元），按目的地",
    },
    "effectiveness_no_licensed": {
        "en": "No declaration lines of this item after the control: no licensed share.",
        "zh": "管制后无该物项的报关项，未计算持证比例。",
    },
    "effectiveness_prices": {"en": "Overseas / domestic price ratio", "zh": "境外/境内价格比"},
    "effectiveness_no_prices": {
        "en": "No domestic and overseas prices for this item.",
        "zh": "无该物项的境内外价格。",
    },
    "effectiveness_routes": {"en": "Suspected diversion routes", "zh": "疑似转运路线"},
    "effectiveness_no_routes": {
        "en": "No diversion route found for these headings.",
        "zh": "未发现可疑转运路线。",
    },
    "effectiveness_nothing": {
        "en": "No controlled headings in this dataset's trade statistics.",
        "zh": "本数据集的贸易统计中没有管制物项。",
    },
    "effectiveness_source": {"en": "Dataset", "zh": "数据集"},
    "effectiveness_ranked": {"en": "{n} diversion routes ranked", "zh": "共排序 {n} 条转运路线"},
}


def translator(lang: str) -> Callable[..., str]:
    """A function from message id (and values for its ``{placeholders}``) to the label
    in ``lang`` (English fallback)."""
    code = lang if lang in LANGUAGES else "en"

    def t(key: str, **values: object) -> str:
        labels = MESSAGES.get(key)
        if labels is None:
            return key
        text = labels.get(code) or labels["en"]
        return text.format(**values) if values else text

    return t
