// Runtime half of ObjectStore.d.ts: the envelope's shape is checked by the type check; the
// configuration by the pinned CloudNativePG schema validator.
import { BarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";

export class ObjectStore {
  constructor(data) { this.data = data; }
  validate() {
    const retention = this.data.spec?.retentionPolicy;
    if (retention !== undefined && !/^[1-9][0-9]*[dwm]$/.test(retention)) {
      throw new Error(`spec.retentionPolicy must match ^[1-9][0-9]*[dwm]$, got ${retention}`);
    }
    new BarmanObjectStoreConfiguration(this.data.spec?.configuration).validate();
  }
}
