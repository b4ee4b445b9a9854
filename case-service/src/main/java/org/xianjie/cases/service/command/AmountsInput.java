package org.xianjie.cases.service.command;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.service.command.validation.Amount;
import org.xianjie.cases.service.command.validation.Count;

import java.math.BigDecimal;

/** The amounts the criminal filing thresholds need, in yuan; absent means not established. */
@Schema(description = "Amounts the criminal filing thresholds need (yuan, at most 2 decimals); omit what is not established")
public record AmountsInput(
        @Schema(description = "非法经营数额") @Amount BigDecimal illegalBusinessVolume,
        @Schema(description = "违法所得") @Amount BigDecimal illegalGains,
        @Schema(description = "销售金额") @Amount BigDecimal sales,
        @Schema(description = "尚未销售的货值金额") @Amount BigDecimal unsoldGoodsValue,
        @Schema(description = "复制品数量") @Count Integer copies,
        @Schema(description = "注册商标数量") @Count Integer marks) {
}
