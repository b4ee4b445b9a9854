/**
 * Supervision leads beyond the threshold screening: following the request to refer that an
 * escalated lead opens (监督移送), and the reverse direction, a case handed back for administrative
 * handling that is never penalised (不刑不罚). Pure rules; the services supply the facts.
 */
package org.xianjie.referral.domain.lead;
