package org.xianjie.cases.domain;

/** Category of an administrative case; it decides which criminal filing thresholds apply. */
public enum CaseCategory {
    /** 商标 */
    TRADEMARK,
    /** 专利 */
    PATENT,
    /** 著作权 */
    COPYRIGHT,
    /** 商业秘密 */
    TRADE_SECRET,
    /** 植物新品种 */
    PLANT_VARIETY,
    /** 地理标志 */
    GEOGRAPHICAL_INDICATION,
    /** 假冒伪劣产品 */
    COUNTERFEIT_OR_SHODDY_GOODS,
    /** 食品 */
    FOOD,
    /** 药品 */
    DRUG,
    OTHER
}
