import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useShared } from '../api/hooks';
import type { Region } from '../api/types';

interface TreeNode {
  title: string;
  value: string;
  children: TreeNode[];
}

/** The regions `GET /api/regions` returns (the user's own subtree) as a tree, parents before children. */
export function regionTree(regions: Region[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const r of regions) nodes.set(r.code, { title: `${r.name}（${r.levelLabel}）`, value: r.code, children: [] });
  for (const r of regions) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  status?: '' | 'error' | 'warning';
}

/** Picks a region from the user's own tree. Works as a Form.Item control. */
export function RegionTreeSelect({ value, onChange, id, placeholder = '请选择地区', allowClear, status }: Props) {
  const regions = useShared<Region[]>('/regions');
  const tree = useMemo(() => regionTree(regions.data ?? []), [regions.data]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={regions.error ? '地区列表加载失败，请刷新页面' : placeholder}
      allowClear={allowClear}
      loading={regions.loading}
      status={status}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
