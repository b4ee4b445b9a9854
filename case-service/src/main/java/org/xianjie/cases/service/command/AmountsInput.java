package org.xianjie.cases.service.command;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.cases.service.command.validation.Amount;
import org.xianjie.cases.service.command.validation.Count;
import org.xianjie.cases.service.command.validation.LargeCount;

/**
 * The amounts and counts the criminal filing thresholds need (yuan for amounts); absent means not
 * established. Every figure a threshold rule tests is here, so that every rule in force can fire.
 */
@Schema(
        description =
                "Amounts and counts the criminal filing thresholds need (yuan, at most 2 decimals); omit what is not established")
public record AmountsInput(
        @Schema(description = "非法经营数额") @Amount BigDecimal illegalBusinessVolume,
        @Schema(description = "违法所得") @Amount BigDecimal illegalGains,
        @Schema(description = "销售金额") @Amount BigDecimal sales,
        @Schema(description = "尚未销售的货值金额") @Amount BigDecimal unsoldGoodsValue,

        @Schema(description = "复制品数量 (art. 218: copies sold)") @Count
        Integer copies,

        @Schema(description = "注册商标数量") @Count Integer marks,

        @Schema(description = "商业秘密：给权利人造成的损失数额或违法所得数额 (art. 219)") @Amount
        BigDecimal lossOrGains,

        @Schema(description = "假冒的是服务商标 (art. 213; false or absent: goods marks)")
        Boolean serviceMark,

        @Schema(description = "网络传播：传播作品数量 (art. 217)") @LargeCount
        Long onlineWorks,

        @Schema(description = "网络传播：下载量 (art. 217)") @LargeCount
        Long downloads,

        @Schema(description = "网络传播：点击量 (art. 217)") @LargeCount
        Long clicks,

        @Schema(description = "网络传播：注册会员人数 (art. 217)") @LargeCount
        Long registeredMembers) {}
