"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageDay } from "@/lib/billing/get-usage-history";

export type LimitBar = { label: string; percent: number; text: string };

const tone = (percent: number) => (percent >= 100 ? "#dc2626" : percent >= 80 ? "#f59e0b" : "#059669");

/**
 * Usage against each limit as a share of it (the text figures are listed
 * next to the chart, so the drawing is hidden from screen readers).
 */
export function LimitsChart({ bars }: { bars: LimitBar[] }) {
  return (
    <div aria-hidden className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="label" width={150} />
          <Tooltip formatter={(_value, _name, item) => (item.payload as LimitBar).text} />
          <Bar dataKey="percent" name="Used" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.label} fill={tone(bar.percent)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Daily history: messages (in + out) and API requests per day, from the hourly usage records. */
export function HistoryChart({ days }: { days: UsageDay[] }) {
  const data = days.map((day) => ({ ...day, label: day.day.slice(5) }));
  return (
    <div aria-hidden className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis yAxisId="messages" />
          <YAxis yAxisId="api" orientation="right" />
          <Tooltip />
          <Legend />
          <Bar yAxisId="messages" dataKey="messages" name="Messages" fill="#4f46e5" isAnimationActive={false} />
          <Bar yAxisId="api" dataKey="apiRequests" name="API requests" fill="#0891b2" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
