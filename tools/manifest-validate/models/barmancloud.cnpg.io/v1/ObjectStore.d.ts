// The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1) is in no pinned package. Its
// envelope is modelled here from the plugin's API (spec.retentionPolicy, spec.configuration);
// spec.configuration, the bulk of it, is the pinned CloudNativePG package's
// BarmanObjectStoreConfiguration, the same type the plugin embeds.
import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { IBarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";

export interface IObjectStore {
  apiVersion: "barmancloud.cnpg.io/v1";
  kind: "ObjectStore";
  metadata: IObjectMeta;
  spec: {
    configuration: IBarmanObjectStoreConfiguration;
    retentionPolicy?: string;
  };
}
export declare class ObjectStore {
  constructor(data: IObjectStore);
  validate(): void;
}
