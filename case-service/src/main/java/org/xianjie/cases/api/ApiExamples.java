package org.xianjie.cases.api;

/** Request examples shown in the OpenAPI document (/q/openapi) and docs/api.md. */
final class ApiExamples {

    static final String OPEN_CASE = """
            {
              "caseNumber": "津市监处〔2026〕18号",
              "category": "TRADEMARK",
              "title": "某商贸有限公司销售假冒注册商标的商品案",
              "summary": "执法人员在该公司仓库查获标有“NIKE”商标的运动鞋1200双。",
              "openedOn": "2026-03-02",
              "amounts": {"illegalBusinessVolume": 86000.00, "unsoldGoodsValue": 120000.00, "marks": 1},
              "parties": [
                {"kind": "COMPANY", "name": "天津某商贸有限公司", "identityNumber": "91120116MA05KL8Q1K", "role": "当事人"},
                {"kind": "PERSON", "name": "张某", "identityNumber": "120101199001011234", "role": "法定代表人"}
              ]
            }""";

    static final String RECORD_FACTS = """
            {
              "summary": "经查，当事人自2025年10月起销售侵权运动鞋，销售金额86000元。",
              "amounts": {"illegalBusinessVolume": 86000.00, "illegalGains": 21000.00, "sales": 86000.00,
                          "unsoldGoodsValue": 120000.00, "marks": 2}
            }""";

    static final String EVIDENCE = """
            {
              "type": "INSPECTION_REPORT",
              "description": "商标权利人出具的鉴定意见书（扫描件）",
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "recordedAt": "2026-03-05T10:15:00+08:00"
            }""";

    static final String PENALTY = """
            {
              "decisionNumber": "津市监罚〔2026〕12号",
              "decisionDate": "2026-04-10",
              "fine": 258000.00,
              "confiscation": 21000.00,
              "otherMeasures": "没收侵权运动鞋1200双"
            }""";

    static final String REVOKE_PENALTY = """
            {"reason": "行政复议决定撤销 (津政复决〔2026〕3号)", "occurredAt": "2026-05-08T10:00:00+08:00"}""";

    static final String CLOSE = """
            {"closedOn": "2026-05-20", "reason": "罚没款已缴清，侵权商品已销毁"}""";

    static final String CLOUD_EVENT = """
            {
              "specversion": "1.0",
              "id": "amr-2026-000187",
              "source": "/agencies/TJ-AMR",
              "type": "org.xianjie.case.penalty-decided.v1",
              "subject": "津市监处〔2026〕18号",
              "time": "2026-04-10T09:30:00+08:00",
              "datacontenttype": "application/json",
              "data": {"decisionNumber": "津市监罚〔2026〕12号", "decisionDate": "2026-04-10", "fine": 258000.00}
            }""";

    static final String CLOUD_EVENT_BATCH = """
            [
              {"specversion": "1.0", "id": "amr-2026-000190", "source": "/agencies/TJ-AMR",
               "type": "org.xianjie.case.opened.v1", "subject": "津市监处〔2026〕19号",
               "data": {"caseNumber": "津市监处〔2026〕19号", "category": "COPYRIGHT", "title": "销售盗版图书案",
                        "openedOn": "2026-03-09"}},
              {"specversion": "1.0", "id": "amr-2026-000191", "source": "/agencies/TJ-AMR",
               "type": "org.xianjie.case.facts-recorded.v1", "subject": "津市监处〔2026〕19号",
               "data": {"amounts": {"copies": 620, "illegalGains": 12000.00}}}
            ]""";

    static final String CHAIN_INTEGRITY = """
            {"chain": "6f1c2a9e-4b1d-4c3e-9a57-0d2f1e8b7c61", "status": "OK", "length": 4,
             "headHash": "3b7f0c5e9d2a41f6b8e07c19d4a65f2e80b3c7d1e9f04a6b2c58d7e1f0a93c46",
             "checkpoint": {"id": "0b5e2f3a-91c4-4d7e-8f60-2a1b3c4d5e6f", "sealedAt": "2026-06-10T08:00:00Z",
                            "sequence": 3, "hash": "a41f6b8e07c19d4a65f2e80b3c7d1e9f04a6b2c58d7e1f0a93c463b7f0c5e9d2",
                            "matches": true}}""";

    private ApiExamples() {}
}
