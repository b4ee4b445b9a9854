package org.xianjie.events;

/**
 * Category of an administrative case (案件类别), one list for the whole suite: case-service records
 * it, case events carry it ({@code category}), referral-service screens penalty decisions by it.
 * Which offences a category is screened against is referral-service's data
 * ({@code rules/thresholds.json}, "categories"); categories without thresholds there (patent,
 * plant variety, geographical indication, food, drug, other) raise no leads until figures are added.
 */
public enum CaseCategory {
    /** 商标 */
    TRADEMARK,
    /** 专利 */
    PATENT,
    /** 著作权（版权） */
    COPYRIGHT,
    /** 商业秘密 */
    TRADE_SECRET,
    /** 植物新品种 */
    PLANT_VARIETY,
    /** 地理标志 */
    GEOGRAPHICAL_INDICATION,
    /** 假冒伪劣商品（生产、销售伪劣产品） */
    COUNTERFEIT_OR_SHODDY_GOODS,
    /** 食品 */
    FOOD,
    /** 药品 */
    DRUG,
    /** 其他 */
    OTHER
}
