/** The procuratorate's review of penalty decisions (行政处罚决定审查): outcomes and their rules. */
package org.xianjie.referral.domain.review;
